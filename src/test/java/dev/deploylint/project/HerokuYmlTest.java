package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class HerokuYmlTest {

    private static HerokuYml parse(String text) {
        return HerokuYml.parse(SourceFile.of("heroku.yml", text));
    }

    @Test
    void readsTopLevelKeysAndDockerImagesWithLocations() {
        HerokuYml manifest = parse("# manifest\nsetup:\n  addons:\n    - plan: heroku-postgresql\nbuild:\n  docker:\n    web: Dockerfile\n"
                + "    worker:\n      dockerfile: worker/Dockerfile\nrun:\n  web: gunicorn app.wsgi\n");
        assertTrue(manifest.isValid());
        assertEquals(List.of("setup", "build", "run"), manifest.keys().stream().map(HerokuYml.Key::name).toList());
        assertEquals(new Location("heroku.yml", 5, 1), manifest.key("build").orElseThrow().at());
        assertEquals(new Location("heroku.yml", 6, 3), manifest.buildDocker().orElseThrow());
        assertEquals(List.of(
                new HerokuYml.DockerImage("web", "Dockerfile", new Location("heroku.yml", 7, 10)),
                new HerokuYml.DockerImage("worker", "worker/Dockerfile", new Location("heroku.yml", 9, 19))), manifest.images());
    }

    @Test
    void readsRunCommandsAsStringsOrCommandLists() {
        HerokuYml manifest = parse("build:\n  docker:\n    web: Dockerfile\nrun:\n  web: gunicorn app.wsgi\n"
                + "  worker:\n    command:\n      - celery\n      - worker\n    image: web\n  odd:\n    image: web\n");
        assertEquals(List.of("web: gunicorn app.wsgi @ heroku.yml:5:8", "worker: celery worker @ heroku.yml:8:7"),
                manifest.run().stream().map(run -> run.process() + ": " + run.command() + " @ " + run.at()).toList());
        assertEquals(new Location("heroku.yml", 9, 9), manifest.run().get(1).locate("celery ".length()), "each list item maps to its own line");
        assertEquals(new Location("heroku.yml", 5, 17), manifest.run().get(0).locate("gunicorn ".length()));
        assertEquals("gunicorn app.wsgi", manifest.runCommand("web").orElseThrow().command());
        assertTrue(manifest.runCommand("release").isEmpty());
    }

    @Test
    void readsTheReleaseCommandAndLocatesOnlyWhatIsWrittenAsItIs() {
        HerokuYml manifest = parse("release:\n  image: web\n  command:\n    - \"python manage.py \\u006digrate\"\n");
        HerokuYml.RunCommand release = manifest.release().orElseThrow();
        assertEquals("python manage.py migrate", release.command());
        assertEquals(new Location("heroku.yml", 4, 8), release.locate(10), "an escape changes the text, so the scalar's start stands for it");
        assertTrue(parse("run:\n  web: gunicorn app.wsgi\n").release().isEmpty());
    }

    @Test
    void missingBuildDockerAndOtherShapes() {
        assertTrue(parse("build:\n  config:\n    A: b\n").buildDocker().isEmpty());
        assertTrue(parse("build: docker\n").buildDocker().isEmpty());
        assertTrue(parse("").buildDocker().isEmpty());
        assertTrue(parse("- a\n- b\n").keys().isEmpty());
        HerokuYml odd = parse("build:\n  docker: Dockerfile\n");
        assertTrue(odd.buildDocker().isPresent());
        assertTrue(odd.images().isEmpty());
    }

    @Test
    void malformedYamlIsAProblemWithAPosition() {
        HerokuYml manifest = parse("build:\n  docker:\n    web: [Dockerfile\n");
        assertFalse(manifest.isValid());
        assertTrue(manifest.problem().orElseThrow().location().line() >= 3);
        assertTrue(manifest.keys().isEmpty());
        assertFalse(parse("a: 1\n---\nb: 2\n").isValid());
        assertFalse(parse("\t- x\n").isValid());
    }

    @Test
    void hostileInputDoesNotThrow() {
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
        parse(bomb);
        parse("[".repeat(10_000));
        assertTrue(parse("!!python/object/apply:os.system [ls]\n").keys().isEmpty());
        assertTrue(parse("build:\n  docker:\n    web: \"\u00e9\u00e9\"\n").isValid());
    }
}
