package dev.deploylint.project;

import dev.deploylint.source.Location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppCommandsTest {

    @TempDir
    Path root;

    private AppCommands commands(Map<String, String> files) throws IOException {
        TestApps.write(root, files);
        return AppCommands.of(Project.open(root, "heroku-24"));
    }

    private static List<String> programs(AppCommands.Command command) {
        return command.parsed().invocations().stream().map(ProcessCommand.Invocation::programName).toList();
    }

    @Test
    void buildpackAppHasTheProcfileAndTheHooksButNotTheContainerFiles() throws IOException {
        AppCommands commands = commands(Map.of(
                "Procfile", "release: python manage.py migrate\nweb: gunicorn mysite.wsgi\nworker: celery -A mysite worker\n",
                "bin/post_compile", "#!/usr/bin/env bash\n# comment\nif [ -f manage.py ]; then\n  python manage.py migrate\nfi\n"
                        + "cat > notes.txt <<'EOF'\ngunicorn_django\nEOF\necho done\n",
                "heroku.yml", "run:\n  web: uvicorn app:app\n",
                "Dockerfile", "FROM python:3.12\nCMD python manage.py runserver\n"));
        assertEquals(List.of(AppCommands.Kind.RELEASE, AppCommands.Kind.WEB, AppCommands.Kind.WORKER),
                commands.all().stream().limit(3).map(AppCommands.Command::kind).toList());
        assertEquals(List.of("gunicorn"), programs(commands.web().orElseThrow()));
        List<AppCommands.Command> hooks = commands.ofKind(AppCommands.Kind.BUILD_HOOK);
        assertEquals(List.of("[", "then", "python", "fi", "cat", "echo"), hooks.stream().flatMap(h -> programs(h).stream()).toList(),
                "comments and the here-document's lines are not commands; a keyword before a command is peeled off");
        assertEquals(new Location("bin/post_compile", 4, 3), hooks.get(1).at());
        assertEquals("the `bin/post_compile` hook", hooks.get(1).describe());
    }

    @Test
    void containerAppHasHerokuYmlRunAndReleaseWithExactColumns() throws IOException {
        AppCommands commands = commands(Map.of(
                "heroku.yml", "build:\n  docker:\n    web: Dockerfile\nrelease:\n  image: web\n  command:\n    - python manage.py migrate\n"
                        + "run:\n  web: \"gunicorn mysite.wsgi\"\n  worker: celery -A mysite worker\n",
                "Dockerfile", "FROM python:3.12\nCMD python manage.py runserver\n",
                "Procfile", "web: gunicorn other.wsgi\n"));
        AppCommands.Command web = commands.web().orElseThrow();
        assertEquals(AppCommands.Source.HEROKU_YML_RUN, web.source());
        assertEquals(new Location("heroku.yml", 9, 18), web.locate().apply("gunicorn ".length()), "inside the quotes, one to one");
        AppCommands.Command release = commands.ofKind(AppCommands.Kind.RELEASE).get(0);
        assertEquals(AppCommands.Source.HEROKU_YML_RELEASE, release.source());
        assertEquals(new Location("heroku.yml", 7, 14), release.locate().apply("python ".length()));
        assertEquals(3, commands.all().size(), "the Procfile and the Dockerfile's CMD play no part when heroku.yml runs web");
    }

    @Test
    void containerWebCommandFallsBackToTheDockerfile() throws IOException {
        AppCommands commands = commands(Map.of(
                "heroku.yml", "build:\n  docker:\n    web: Dockerfile\n",
                "Dockerfile", "FROM python:3.12\nCMD [\"sh\", \"-c\", \"python manage.py migrate && gunicorn mysite.wsgi\"]\n"));
        AppCommands.Command web = commands.web().orElseThrow();
        assertEquals("CMD", web.process());
        assertEquals(List.of("python", "gunicorn"), programs(web), "sh -c runs its script through a shell");
        assertEquals(new Location("Dockerfile", 2, 19), web.parsed().invocations().get(0).program().at());
        assertTrue(web.shell());
    }

    @Test
    void herokuRunsCmdThroughAShellButNotAnExecFormEntrypoint() throws IOException {
        AppCommands cmd = commands(Map.of("heroku.yml", "build:\n  docker:\n    web: Dockerfile\n",
                "Dockerfile", "FROM python:3.12\nCMD [\"gunicorn\", \"--bind\", \"0.0.0.0:$PORT\", \"mysite.wsgi\"]\n"));
        AppCommands.Command web = cmd.web().orElseThrow();
        assertTrue(web.shell());
        assertTrue(web.parsed().invocations().get(0).args().get(1).variable());
        Files.writeString(root.resolve("Dockerfile"), "FROM python:3.12\nENTRYPOINT [\"gunicorn\", \"--bind\", \"0.0.0.0:$PORT\"]\n");
        AppCommands.Command entrypoint = AppCommands.of(Project.open(root, "heroku-24")).web().orElseThrow();
        assertEquals("ENTRYPOINT", entrypoint.process());
        assertFalse(entrypoint.shell());
        assertFalse(entrypoint.parsed().invocations().get(0).args().get(1).variable());
    }

    @Test
    void aCommentEndsTheCommand() {
        List<ProcessCommand.Token> tokens = ProcessCommand.tokens("gunicorn app.wsgi # it’s a#b", offset -> new Location("Procfile", 1, offset + 1));
        assertEquals(List.of("gunicorn", "app.wsgi"), tokens.stream().map(t -> t.word().text()).toList());
        assertEquals(List.of("a#b"), ProcessCommand.tokens("a#b", offset -> new Location("Procfile", 1, offset + 1)).stream()
                .map(t -> t.word().text()).toList(), "a # inside a word is not a comment");
    }

    @Test
    void envAndShellKeywordsRunTheCommandAfterThem() {
        ProcessCommand parsed = ProcessCommand.parse("env CELERY_APP=mysite celery worker; if python manage.py check; then exit 0; fi",
                offset -> new Location("bin/post_compile", 1, offset + 1));
        assertEquals(List.of("celery", "python", "exit", "fi"), parsed.invocations().stream().map(ProcessCommand.Invocation::programName).toList());
        assertEquals("mysite", parsed.invocations().get(0).env().get("CELERY_APP").text().substring("CELERY_APP=".length()));
        assertEquals(List.of("env"), parsed.invocations().get(0).wrappers().stream().map(ProcessCommand.Word::text).toList());
    }
}
