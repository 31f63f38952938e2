package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.ProcessCommand;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.project.ServerCommand;
import java.util.Optional;
import java.util.Set;

/**
 * PF011: gunicorn serving an {@code asgi} module with a WSGI worker, which calls the ASGI app as
 * {@code app(environ, start_response)} and fails every request. Only gunicorn's own WSGI workers
 * count as wrong; any other worker class may be an ASGI one. A config file (given with
 * {@code -c}, or {@code gunicorn.conf.py}, read by default since gunicorn 20.0) may set the worker
 * class, so the rule then stays silent.
 */
public final class AsgiModuleUnderWsgiWorker implements Rule {

    /** gunicorn's built-in worker classes, all WSGI (gunicorn/workers/__init__.py, 23.x). */
    private static final Set<String> WSGI_WORKERS = Set.of(
            "sync", "gthread", "gevent", "eventlet", "tornado", "gevent_wsgi", "gevent_pywsgi",
            "gunicorn.workers.sync.SyncWorker", "gunicorn.workers.gthread.ThreadWorker",
            "gunicorn.workers.ggevent.GeventWorker", "gunicorn.workers.geventlet.EventletWorker",
            "gunicorn.workers.gtornado.TornadoWorker");

    @Override
    public String id() {
        return "PF011";
    }

    @Override
    public void check(Project project, Findings findings) {
        Procfile.of(project).ifPresent(procfile -> procfile.processes().forEach(process ->
                process.parsed().invocations().forEach(invocation -> ServerCommand.of(invocation)
                        .filter(server -> server.server().equals("gunicorn"))
                        .ifPresent(server -> check(project, server, findings)))));
    }

    private static void check(Project project, ServerCommand server, Findings findings) {
        Optional<ProcessCommand.Word> app = server.app();
        if (app.isEmpty() || app.get().variable()) {
            return;
        }
        String spec = app.get().text();
        String module = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        if (!(module.equals("asgi") || module.endsWith(".asgi"))) {
            return;
        }
        Optional<ProcessCommand.Word> workerClass = server.arguments().option("--worker-class", "-k");
        boolean configured = server.arguments().option("--config", "-c").isPresent()
                || project.files().isFile("gunicorn.conf.py")
                || server.invocation().env().containsKey("GUNICORN_CMD_ARGS");
        if (workerClass.isEmpty() && configured || workerClass.isPresent() && (workerClass.get().variable() || !WSGI_WORKERS.contains(workerClass.get().text()))) {
            return;
        }
        String wsgi = module.substring(0, module.length() - "asgi".length()) + "wsgi";
        String worker = (workerClass.isEmpty() ? "add" : "use") + " `-k uvicorn_worker.UvicornWorker` (package `uvicorn-worker`)";
        String fix = project.files().isFile(wsgi.replace('.', '/') + ".py")
                ? "; serve `" + wsgi + "` instead, or " + worker : "; " + worker;
        if (workerClass.isEmpty()) {
            findings.report(app.get().at(), "gunicorn runs the ASGI module `" + module + "` with its default WSGI worker `sync`,"
                    + " which calls the app the WSGI way, so every request fails with a 500 error" + fix);
        } else {
            findings.report(workerClass.get().at(), "gunicorn runs the ASGI module `" + module + "` with the WSGI worker `"
                    + workerClass.get().text() + "`, which calls the app the WSGI way, so every request fails with a 500 error" + fix);
        }
    }
}
