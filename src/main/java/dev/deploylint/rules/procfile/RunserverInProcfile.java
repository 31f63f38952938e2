package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.ProcessCommand;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.List;

/** PF006: Django's development server as the web process. */
public final class RunserverInProcfile implements Rule {

    @Override
    public String id() {
        return "PF006";
    }

    @Override
    public void check(Project project, Findings findings) {
        Procfile.of(project).flatMap(p -> p.process("web")).ifPresent(web -> {
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
                            "the web process runs Django's development server, which is single-threaded, not hardened and serves no static files"
                                    + " with DEBUG off; " + fix);
                } else {
                    findings.report(args.get(runserver).at(),
                            "the web process runs Django's development server on 127.0.0.1:8000, never binding `$PORT`, so Heroku kills the dyno"
                                    + " after 60 seconds (R10); " + fix);
                }
            }
        });
    }

    private static int runserverIndex(ProcessCommand.Invocation invocation) {
        List<ProcessCommand.Word> args = invocation.args();
        String program = invocation.programName();
        int start;
        if (program.startsWith("python")) {
            start = args.isEmpty() || !args.get(0).text().endsWith("manage.py") ? -1 : 1;
        } else if (program.equals("manage.py") || program.startsWith("django-admin")) {
            start = 0;
        } else {
            return -1;
        }
        return start >= 0 && start < args.size() && args.get(start).text().equals("runserver") ? start : -1;
    }
}
