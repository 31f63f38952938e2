package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcfileTest {

    private static Procfile parse(String text) {
        return Procfile.parse(SourceFile.of("Procfile", text));
    }

    @Test
    void parsesProcessesWithLocations() {
        Procfile procfile = parse("# comment\n\nweb: gunicorn mysite.wsgi --log-file -\n  release: python manage.py migrate\n");
        assertEquals(List.of("web", "release"), procfile.processes().stream().map(Procfile.Process::name).toList());
        Procfile.Process web = procfile.processes().get(0);
        assertEquals(new Location("Procfile", 3, 1), web.nameAt());
        assertEquals(new Location("Procfile", 3, 6), web.commandAt());
        assertEquals("gunicorn mysite.wsgi --log-file -", web.command());
        assertEquals(new Location("Procfile", 4, 3), procfile.processes().get(1).nameAt());
        assertTrue(procfile.invalidLines().isEmpty());
    }

    private static ProcessCommand.Invocation last(String command) {
        List<ProcessCommand.Invocation> invocations = parse("web: " + command + "\n").process("web").orElseThrow().parsed().invocations();
        return invocations.get(invocations.size() - 1);
    }

    @Test
    void invocationsRunWhereALeadingCdWent() {
        assertEquals(java.util.Optional.of(""), last("gunicorn app.wsgi").directory());
        assertEquals(java.util.Optional.of("backend"), last("cd backend && gunicorn app.wsgi").directory());
        assertEquals(java.util.Optional.of("src/site"), last("cd ./src/ && cd site; gunicorn app.wsgi").directory());
        assertEquals(java.util.Optional.of("backend"), last("cd /app/backend && gunicorn app.wsgi").directory());
        assertEquals(java.util.Optional.of(""), last("cd backend && cd .. && gunicorn app.wsgi").directory());
        assertEquals(java.util.Optional.empty(), last("cd $APP_DIR && gunicorn app.wsgi").directory());
        assertEquals(java.util.Optional.empty(), last("cd .. && gunicorn app.wsgi").directory());
        assertEquals(java.util.Optional.empty(), last("cd /srv && gunicorn app.wsgi").directory());
    }

    @Test
    void serverModuleRootsFollowTheDirectory() {
        assertEquals(List.of(""), ServerCommand.of(last("gunicorn app.wsgi")).orElseThrow().moduleRoots());
        assertEquals(List.of("backend", ""), ServerCommand.of(last("cd backend && gunicorn app.wsgi")).orElseThrow().moduleRoots());
        assertEquals(List.of("backend/src", "backend/lib", ""),
                ServerCommand.of(last("cd backend && gunicorn --chdir src --pythonpath lib app.wsgi")).orElseThrow().moduleRoots());
        assertEquals(List.of(), ServerCommand.of(last("cd \"$DIR\" && gunicorn app.wsgi")).orElseThrow().moduleRoots());
    }

    @Test
    void reportsLinesThatDoNotParse() {
        Procfile procfile = parse("web:gunicorn app\nworker celery\n: nothing\nclock:\n");
        assertEquals(List.of(1, 2, 3, 4), procfile.invalidLines().stream().map(l -> l.location().line()).toList());
        assertEquals(5, procfile.invalidLines().get(0).location().column());
        assertTrue(procfile.invalidLines().get(3).reason().contains("no command"));
        assertTrue(procfile.processes().isEmpty());
        assertEquals(List.of(false, true, false, false),
                procfile.invalidLines().stream().map(Procfile.InvalidLine::classicReads).toList());
    }

    @Test
    void byteOrderMarkMakesTheFirstLineInvalid() {
        Procfile procfile = parse("\uFEFFweb: gunicorn app.wsgi\nworker: python worker.py\n");
        assertEquals(1, procfile.invalidLines().size());
        assertEquals(List.of("worker"), procfile.processes().stream().map(Procfile.Process::name).toList());
    }

    @Test
    void crlfLinesParse() {
        Procfile procfile = parse("web: gunicorn app.wsgi\r\nworker: python w.py\r\n");
        assertEquals("gunicorn app.wsgi", procfile.processes().get(0).command());
        assertEquals(2, procfile.processes().size());
    }

    @Test
    void commandsAreSplitLikeAShell() {
        Procfile procfile = parse("web: DJANGO_SETTINGS_MODULE=a.b newrelic-admin run-program gunicorn 'x.wsgi' && echo \"$PORT\"\n");
        ProcessCommand command = procfile.processes().get(0).parsed();
        assertEquals(2, command.invocations().size());
        ProcessCommand.Invocation server = command.invocations().get(0);
        assertEquals("gunicorn", server.programName());
        assertEquals("newrelic-admin", server.wrappers().get(0).text());
        assertEquals("a.b", server.env().get("DJANGO_SETTINGS_MODULE").text().substring("DJANGO_SETTINGS_MODULE=".length()));
        assertEquals("x.wsgi", server.args().get(0).text());
        assertEquals(new Location("Procfile", 1, 69), server.args().get(0).at());
        assertTrue(command.invocations().get(1).args().get(0).variable());
    }
}
