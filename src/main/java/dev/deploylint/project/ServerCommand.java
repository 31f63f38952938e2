package dev.deploylint.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A Python web server started by a process: which server, its arguments and the app it serves. */
public record ServerCommand(String server, ProcessCommand.Invocation invocation, ServerArguments arguments) {

    /** gunicorn options that take no value (gunicorn/config.py, 23.x). */
    private static final Set<String> GUNICORN_FLAGS = Set.of(
            "--preload", "--reload", "-D", "--daemon", "--capture-output", "--spew", "--check-config",
            "--print-config", "--enable-stdio-inheritance", "--proxy-protocol", "--no-sendfile", "--reuse-port",
            "--strip-header-spaces", "--log-syslog", "--disable-redirect-access-to-syslog", "--do-handshake-on-connect",
            "--suppress-ragged-eofs", "--help", "-h", "-v", "--version", "--paste");

    /** uvicorn, daphne and hypercorn options that take no value. */
    private static final Set<String> ASGI_FLAGS = Set.of(
            "--reload", "--factory", "--proxy-headers", "--no-proxy-headers", "--use-colors", "--no-use-colors",
            "--access-log", "--no-access-log", "--server-header", "--no-server-header", "--date-header",
            "--no-date-header", "--help", "--version", "-v", "--verbosity", "--debug");

    /** The server an invocation starts, when it is one deploylint knows. */
    public static Optional<ServerCommand> of(ProcessCommand.Invocation invocation) {
        String name = invocation.programName();
        return switch (name) {
            case "gunicorn" -> Optional.of(new ServerCommand(name, invocation, ServerArguments.parse(invocation.args(), GUNICORN_FLAGS)));
            case "uvicorn", "daphne", "hypercorn" ->
                    Optional.of(new ServerCommand(name, invocation, ServerArguments.parse(invocation.args(), ASGI_FLAGS)));
            default -> Optional.empty();
        };
    }

    /** The web process's server, when the Procfile's web command starts one. */
    public static Optional<ServerCommand> web(Project project) {
        return Procfile.of(project).flatMap(p -> p.process("web"))
                .flatMap(web -> web.parsed().invocations().stream().map(ServerCommand::of).flatMap(Optional::stream).findFirst());
    }

    /** The app argument ({@code module:variable}), when given on the command line. */
    public Optional<ProcessCommand.Word> app() {
        return arguments.positionals().stream().findFirst();
    }

    /**
     * The folders the server imports the app from: {@code --chdir} (or the folder the process runs
     * in: the app root, or where a leading {@code cd DIR} went), then {@code --pythonpath} entries
     * and uvicorn's {@code --app-dir}, then the app root, which Heroku puts on PYTHONPATH. Empty
     * when the process's folder is unknown.
     */
    public List<String> moduleRoots() {
        if (invocation.directory().isEmpty()) {
            return List.of();
        }
        String base = invocation.directory().get();
        List<String> roots = new ArrayList<>();
        arguments.option("--chdir").ifPresentOrElse(dir -> roots.add(folder(base, dir.text())), () -> roots.add(base));
        arguments.option("--pythonpath").ifPresent(dirs -> {
            for (String dir : dirs.text().split(",")) {
                roots.add(folder(base, dir.strip()));
            }
        });
        arguments.option("--app-dir").ifPresent(dir -> roots.add(0, folder(base, dir.text())));
        if (!base.isEmpty() && !roots.contains("")) {
            roots.add("");
        }
        return roots;
    }

    private static String folder(String base, String dir) {
        String d = dir.replaceAll("^\\./", "").replaceAll("/+$", "");
        d = d.equals(".") ? "" : d;
        return base.isEmpty() ? d : d.isEmpty() ? base : base + "/" + d;
    }

    /** The variable gunicorn looks up when the app argument names none. */
    public Optional<String> defaultVariable() {
        return server.equals("gunicorn") ? Optional.of("application") : Optional.empty();
    }
}
