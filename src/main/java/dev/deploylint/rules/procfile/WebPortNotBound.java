package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.ProcessCommand;
import dev.deploylint.project.AppCommands;
import dev.deploylint.project.DeployStyle;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.Project;
import dev.deploylint.project.ServerArguments;
import dev.deploylint.project.ServerCommand;
import dev.deploylint.source.Location;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PF010: a web server that does not listen on {@code $PORT} on all interfaces, in whichever command
 * starts the web process (Procfile, heroku.yml {@code run.web} or a container's CMD). gunicorn binds
 * {@code 0.0.0.0:$PORT} by itself since 0.16; uvicorn, daphne and hypercorn default to
 * 127.0.0.1:8000 and waitress-serve to port 8080 (django-heroku-config.md §6.1, §6.3).
 */
public final class WebPortNotBound implements Rule {

    private static final Pattern PORT = Pattern.compile("\\$\\{?PORT\\b");
    private static final Pattern LOOPBACK = Pattern.compile("(127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1\\]|::1)(:.*)?");

    @Override
    public String id() {
        return "PF010";
    }

    @Override
    public void check(Project project, Findings findings) {
        AppCommands.of(project).web().ifPresent(web -> {
            // A Dockerfile alone may be meant for another host; only a file that declares the container deploy makes R10 certain.
            Findings sink = DeployStyle.of(project).isAssumedContainer() ? warningsOnly(findings) : findings;
            for (ProcessCommand.Invocation invocation : web.parsed().invocations()) {
                if (!web.shell() && unexpandedPort(web, invocation, sink)) {
                    continue;
                }
                if (invocation.programName().equals("waitress-serve")) {
                    checkWaitress(invocation, sink);
                } else {
                    ServerCommand.of(invocation).ifPresent(server -> check(server, sink));
                }
            }
        });
    }

    /**
     * Heroku runs an exec-form ENTRYPOINT without a shell (a CMD always gets one), so {@code $PORT}
     * reaches the program as those five characters and no server can listen on it.
     */
    private static boolean unexpandedPort(AppCommands.Command web, ProcessCommand.Invocation invocation, Findings findings) {
        for (ProcessCommand.Word arg : invocation.args()) {
            if (PORT.matcher(arg.text()).find()) {
                findings.report(arg.at(), web.describe() + " is in exec form, which Heroku runs without a shell (only a `CMD`"
                        + " gets one), so `" + invocation.programName() + "` gets the text `" + arg.text() + "` instead of the port in `$PORT`"
                        + " and the web dyno never binds it (R10); write it as `CMD " + shellForm(web) + "`");
                return true;
            }
        }
        return false;
    }

    private static String shellForm(AppCommands.Command web) {
        return String.join(" ", web.tokens().stream().map(token -> token.word().text()).toList());
    }

    private static Findings warningsOnly(Findings findings) {
        return (severity, location, message, fix, evidence) -> findings.report(Severity.WARNING, location, message, fix, evidence);
    }

    private static void check(ServerCommand server, Findings findings) {
        ServerArguments args = server.arguments();
        Location at = server.invocation().program().at();
        switch (server.server()) {
            case "gunicorn" -> {
                List<ProcessCommand.Word> binds = args.values("--bind", "-b");
                if (!binds.isEmpty() && binds.stream().noneMatch(WebPortNotBound::listensOnPort)
                        && binds.stream().noneMatch(WebPortNotBound::unsure)) {
                    ProcessCommand.Word bind = binds.get(0);
                    findings.report(bind.at(), "gunicorn binds `" + bind.text() + "`" + why(bind.text())
                            + "; remove `--bind`: gunicorn binds `0.0.0.0:$PORT` by itself");
                }
            }
            case "hypercorn" -> {
                List<ProcessCommand.Word> binds = args.values("--bind", "-b");
                if (args.option("--config", "-c").isPresent() && binds.isEmpty()
                        || binds.stream().anyMatch(b -> listensOnPort(b) || unsure(b))) {
                    return;
                }
                String fix = "; pass `--bind 0.0.0.0:$PORT`";
                if (binds.isEmpty()) {
                    findings.report(at, "hypercorn listens on 127.0.0.1:8000 by default" + why("127.0.0.1:8000") + fix);
                } else {
                    findings.report(binds.get(0).at(), "hypercorn binds `" + binds.get(0).text() + "`" + why(binds.get(0).text()) + fix);
                }
            }
            case "uvicorn" -> {
                if (args.option("--fd", "--uds").isPresent()) {
                    return;
                }
                hostAndPort(server, args.option("--host"), args.option("--port"), "--host", "--port", at, findings);
            }
            case "daphne" -> {
                if (args.option("--fd", "-u", "--unix-socket", "-e", "--endpoint").isPresent()) {
                    return;
                }
                hostAndPort(server, args.option("--bind", "-b"), args.option("--port", "-p"), "-b", "-p", at, findings);
            }
            default -> {
            }
        }
    }

    /** uvicorn and daphne take host and port separately and default to 127.0.0.1 and 8000. */
    private static void hostAndPort(ServerCommand server, Optional<ProcessCommand.Word> host, Optional<ProcessCommand.Word> port,
                                    String hostOption, String portOption, Location at, Findings findings) {
        if (server.invocation().env().keySet().stream().anyMatch(name -> name.startsWith(server.server().toUpperCase(java.util.Locale.ROOT) + "_"))
                || host.filter(ProcessCommand.Word::variable).isPresent()
                || port.filter(p -> p.variable() && !listensOnPort(p)).isPresent()) {
            return;
        }
        String fix = "; pass `" + hostOption + " 0.0.0.0 " + portOption + " $PORT`";
        String name = server.server();
        if (port.isEmpty()) {
            findings.report(at, name + " listens on port 8000 by default" + why("8000") + fix);
        } else if (!listensOnPort(port.get())) {
            findings.report(port.get().at(), name + " listens on port `" + port.get().text() + "`" + why(port.get().text()) + fix);
        } else if (host.isEmpty()) {
            findings.report(at, name + " listens on 127.0.0.1 by default" + why("127.0.0.1") + fix);
        } else if (LOOPBACK.matcher(host.get().text()).matches()) {
            findings.report(host.get().at(), name + " listens on `" + host.get().text() + "`" + why(host.get().text()) + fix);
        }
    }

    private static void checkWaitress(ProcessCommand.Invocation invocation, Findings findings) {
        boolean port = invocation.args().stream().anyMatch(WebPortNotBound::listensOnPort);
        boolean socket = invocation.args().stream().anyMatch(w -> w.text().startsWith("--unix-socket"));
        if (!port && !socket) {
            findings.report(invocation.program().at(), "waitress-serve listens on port 8080 by default" + why("8080")
                    + "; pass `--port=$PORT`");
        }
    }

    private static boolean listensOnPort(ProcessCommand.Word word) {
        return word.variable() && PORT.matcher(word.text()).find() && !LOOPBACK.matcher(word.text()).matches();
    }

    /** A socket, a file descriptor or another variable: this rule cannot tell where it listens. */
    private static boolean unsure(ProcessCommand.Word bind) {
        return bind.text().startsWith("unix:") || bind.text().startsWith("fd://") || bind.variable() && !PORT.matcher(bind.text()).find();
    }

    private static String why(String address) {
        return LOOPBACK.matcher(address).matches()
                ? ", a loopback address only the dyno itself can reach, so Heroku stops the web dyno after 60 seconds (R10)"
                : " instead of `$PORT`, the port Heroku assigns, so Heroku stops the web dyno after 60 seconds (R10)";
    }
}
