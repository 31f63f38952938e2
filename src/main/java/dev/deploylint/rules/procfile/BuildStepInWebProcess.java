package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.ProcessCommand;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.List;

/** PF012: collectstatic, migrate or pip install run by the web process at every dyno start. */
public final class BuildStepInWebProcess implements Rule {

    @Override
    public String id() {
        return "PF012";
    }

    @Override
    public void check(Project project, Findings findings) {
        Procfile.of(project).ifPresent(procfile -> procfile.process("web").ifPresent(web -> {
            boolean hasRelease = procfile.process("release").isPresent();
            for (ProcessCommand.Invocation invocation : web.parsed().invocations()) {
                ProcessCommand.Word step = buildStep(invocation);
                if (step == null) {
                    continue;
                }
                String delay = " at every dyno start, which delays binding `$PORT` (Heroku stops a web dyno that has not bound it"
                        + " within 60 seconds, R10)";
                switch (step.text()) {
                    case "collectstatic" -> findings.report(step.at(), "the web process runs `collectstatic`" + delay
                            + " and repeats the same work on every dyno; " + (AppFacts.collectstaticRuns(project)
                            ? "the build already runs it, so remove it from `web:`"
                            : "remove it from `web:` and let the build run it (unset `DISABLE_COLLECTSTATIC`)"));
                    case "migrate" -> findings.report(step.at(), "the web process runs `migrate`" + delay
                            + ", and with several web dynos each one migrates the database at once; "
                            + (hasRelease ? "move it to the `release:` process" : "move it to a `release: python manage.py migrate` line"));
                    default -> findings.report(step.at(), "the web process runs `pip install`" + delay
                            + ", so every dyno downloads and installs the packages again at boot; "
                            + (installsRequirements(invocation) ? "the build already installs them, so remove it from `web:`"
                            : "declare them in your dependencies so the build installs them once"));
                }
            }
        }));
    }

    /** True for {@code pip install -r requirements.txt}, which the build runs already. */
    private static boolean installsRequirements(ProcessCommand.Invocation invocation) {
        return invocation.args().stream()
                .anyMatch(w -> w.text().replaceFirst("^(-r|--requirement=?)", "").equals("requirements.txt"));
    }

    /** The word naming the build step this invocation runs, or null. */
    private static ProcessCommand.Word buildStep(ProcessCommand.Invocation invocation) {
        List<ProcessCommand.Word> args = invocation.args();
        String program = invocation.programName();
        if (program.equals("pip") || program.equals("pip3")) {
            return !args.isEmpty() && args.get(0).text().equals("install") ? new ProcessCommand.Word("pip install",
                    invocation.program().at(), false) : null;
        }
        return invocation.managementCommand()
                .filter(word -> word.text().equals("collectstatic") || word.text().equals("migrate"))
                .orElse(null);
    }
}
