package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.AppCommands;
import dev.deploylint.project.DeployStyle;
import dev.deploylint.project.ProcessCommand;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.List;

/** PF006: Django's development server as the web process (Procfile, heroku.yml `run.web` or a container's CMD). */
public final class RunserverInProcfile implements Rule {

    @Override
    public String id() {
        return "PF006";
    }

    @Override
    public void check(Project project, Findings findings) {
        AppCommands.of(project).web().ifPresent(web -> {
            // A Dockerfile alone may be meant for another host; only a file that declares the container deploy makes R10 certain.
            Severity unbound = DeployStyle.of(project).isAssumedContainer() ? Severity.WARNING : null;
            String process = web.source() == AppCommands.Source.PROCFILE ? "the web process" : web.describe();
            for (ProcessCommand.Invocation invocation : web.parsed().invocations()) {
                List<ProcessCommand.Word> args = invocation.args();
                int runserver = runserverIndex(invocation);
                if (runserver < 0) {
                    continue;
                }
                boolean bindsPort = args.stream().skip(runserver + 1)
                        .anyMatch(w -> w.text().matches("(0\\.0\\.0\\.0|\\[::\\]):\\$\\{?PORT\\}?"));
                String fix = "serve the app with `gunicorn " + AppFacts.suggestedWsgiModule(project) + "` instead";
                if (bindsPort) {
                    findings.report(Severity.WARNING, args.get(runserver).at(),
                            process + " runs Django's development server, which is single-threaded, not hardened and serves no static files"
                                    + " with DEBUG off; " + fix);
                } else {
                    String address = args.stream().skip(runserver + 1).map(ProcessCommand.Word::text).filter(t -> !t.startsWith("-"))
                            .findFirst().map(t -> "`" + t + "`").orElse("127.0.0.1:8000");
                    // runserver binds 127.0.0.1 unless the address names another host, so `runserver $PORT` is loopback-only.
                    String binding = address.contains("PORT") ? ", which listens on 127.0.0.1 only, where Heroku's router cannot reach it"
                            : ", never binding `$PORT`";
                    findings.report(unbound, args.get(runserver).at(),
                            process + " runs Django's development server on " + address + binding + ", so Heroku kills the dyno"
                                    + " after 60 seconds (R10); " + fix);
                }
            }
        });
    }

    private static int runserverIndex(ProcessCommand.Invocation invocation) {
        return invocation.managementCommand().filter(w -> w.text().equals("runserver"))
                .map(w -> invocation.args().indexOf(w)).orElse(-1);
    }
}
