package dev.deploylint.rules.procfile;

import dev.deploylint.project.ProcessCommand;
import dev.deploylint.project.ServerArguments;
import java.util.Optional;
import java.util.Set;

/** A Python web server started by a process: which server, its arguments and the app it serves. */
record ServerCommand(String server, ProcessCommand.Invocation invocation, ServerArguments arguments) {

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

    static Optional<ServerCommand> of(ProcessCommand.Invocation invocation) {
        String name = invocation.programName();
        return switch (name) {
            case "gunicorn" -> Optional.of(new ServerCommand(name, invocation, ServerArguments.parse(invocation.args(), GUNICORN_FLAGS)));
            case "uvicorn", "daphne", "hypercorn" ->
                    Optional.of(new ServerCommand(name, invocation, ServerArguments.parse(invocation.args(), ASGI_FLAGS)));
            default -> Optional.empty();
        };
    }

    /** The app argument ({@code module:variable}), when given on the command line. */
    Optional<ProcessCommand.Word> app() {
        return arguments.positionals().stream().findFirst();
    }

    /** The variable gunicorn looks up when the app argument names none. */
    Optional<String> defaultVariable() {
        return server.equals("gunicorn") ? Optional.of("application") : Optional.empty();
    }
}
