package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.AppCommands;
import dev.deploylint.project.DeployStyle;
import dev.deploylint.project.ProcessCommand;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.PythonAdvice;
import dev.deploylint.rules.ResolvedVersion;
import dev.deploylint.rules.data.DjangoPythonTable;
import dev.deploylint.rules.data.PythonVersionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PF015: a command that the installed version of its package no longer has. gunicorn 19.7.0
 * removed {@code gunicorn_django} and the {@code run_gunicorn} management command (docs/source/2017-news.rst);
 * Celery 5.0 made {@code -A/--app} an option of the {@code celery} command only, so after a
 * sub-command it is "No such option" (celery/bin/celery.py, 5.0); waitress before 1.2.0 imports
 * {@code asyncore} (waitress/channel.py, 1.1.0; 1.2.0 vendors it as wasyncore), which Python 3.12 removed.
 */
public final class CommandRemovedInPinnedVersion implements Rule {

    /** Options of the {@code celery} command that take a value (celery/bin/celery.py, 5.x). */
    private static final Set<String> CELERY_GLOBAL_VALUES = Set.of("-A", "--app", "-b", "--broker", "--result-backend", "--loader",
            "--config", "--workdir");

    @Override
    public String id() {
        return "PF015";
    }

    @Override
    public void check(Project project, Findings findings) {
        for (AppCommands.Command command : AppCommands.of(project).all()) {
            Severity severity = command.kind() == AppCommands.Kind.BUILD_HOOK ? Severity.WARNING : null;
            for (ProcessCommand.Invocation invocation : command.parsed().invocations()) {
                String program = invocation.programName();
                if (program.equals("gunicorn_django")) {
                    gunicornRemoved(project, command, invocation.program(), "`gunicorn_django`", severity, findings);
                } else if (invocation.managementCommand().filter(w -> w.text().equals("run_gunicorn")).isPresent()) {
                    gunicornRemoved(project, command, invocation.managementCommand().get(), "the `run_gunicorn` management command",
                            severity, findings);
                } else if (program.equals("celery")) {
                    celery(project, command, invocation, severity, findings);
                } else if (program.equals("waitress-serve") || program.equals("waitress")) {
                    waitress(project, command, invocation, severity, findings);
                }
            }
        }
    }

    private static void gunicornRemoved(Project project, AppCommands.Command command, ProcessCommand.Word at, String what,
                                        Severity severity, Findings findings) {
        Optional<ResolvedVersion> gunicorn = ResolvedVersion.of(project, "gunicorn").filter(v -> v.isAtLeast("19.7"));
        gunicorn.ifPresent(version -> findings.report(severity, at.at(), command.describe() + " runs " + what + ", which gunicorn removed"
                + " in 19.7.0, and the app installs " + version.describe() + ", so the process stops at once; run `gunicorn "
                + AppFacts.suggestedWsgiModule(project) + "` instead", version.evidence()));
    }

    private static void celery(Project project, AppCommands.Command command, ProcessCommand.Invocation invocation, Severity severity,
                               Findings findings) {
        List<ProcessCommand.Word> args = invocation.args();
        int sub = -1;
        for (int i = 0; i < args.size(); i++) {
            String text = args.get(i).text();
            if (!text.startsWith("-")) {
                sub = i;
                break;
            }
            if (CELERY_GLOBAL_VALUES.contains(text)) {
                i++;
            }
        }
        if (sub < 0) {
            return;
        }
        ProcessCommand.Word app = null;
        int appIndex = -1;
        for (int i = sub + 1; i < args.size(); i++) {
            String text = args.get(i).text();
            if (text.equals("-A") || text.equals("--app") || text.startsWith("--app=") || text.startsWith("-A") && text.length() > 2) {
                app = args.get(i);
                appIndex = i;
                break;
            }
        }
        if (app == null) {
            return;
        }
        Optional<ResolvedVersion> celery = ResolvedVersion.of(project, "celery").filter(v -> v.isAtLeast("5.0"));
        if (celery.isEmpty()) {
            return;
        }
        String option = app.text();
        if ((option.equals("-A") || option.equals("--app")) && appIndex + 1 < args.size()) {
            option = option + " " + args.get(appIndex + 1).text();
        }
        String name = option.startsWith("--") ? "--app" : "-A";
        findings.report(severity, app.at(), command.describe() + " passes `" + name + "` after the sub-command `" + args.get(sub).text()
                + "`, and the app installs " + celery.get().describe() + ": since Celery 5.0 `" + name + "` is an option of `celery` itself,"
                + " so the process stops with \"No such option: " + name + "\"; write `celery " + option + " " + args.get(sub).text() + " ...`",
                celery.get().evidence());
    }

    private static void waitress(Project project, AppCommands.Command command, ProcessCommand.Invocation invocation, Severity severity,
                                 Findings findings) {
        Optional<ResolvedVersion> waitress = ResolvedVersion.of(project, "waitress").filter(v -> v.isBelow("1.2"));
        if (waitress.isEmpty()) {
            return;
        }
        Optional<PythonVersionFiles.Declared> requested = DeployStyle.declaredPython(project);
        if (requested.isEmpty() && DeployStyle.of(project).isContainer()) {
            return;
        }
        if (!DeployStyle.of(project).isContainer() && PythonVersionFiles.of(project).requestUndecided()) {
            return;
        }
        String python = requested.map(PythonVersionFiles.Declared::minorVersion).orElse(defaultMinor());
        if (DjangoPythonTable.compareMinor(python, "3.12") < 0) {
            return;
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(waitress.get().evidence());
        requested.ifPresent(d -> evidence.add(new Evidence(d.at(), "Python " + d.text() + " is requested here")));
        String pythonText = requested.map(d -> "Python " + d.text() + " (" + d.source() + ")")
                .orElse("Python " + python + " (the buildpack's default, as no version is declared)");
        // Upgrading waitress alone does not help an app whose Django cannot run on that Python either.
        String alsoDjango = ResolvedVersion.of(project, "django").filter(django -> !PythonAdvice.djangoRuns(django, python))
                .map(django -> "; " + django.describe().replaceFirst("(?i)^django", "Django") + " cannot run on Python " + python
                        + " either (PY010), so upgrade Django too")
                .orElse("");
        findings.report(severity, invocation.program().at(), command.describe() + " runs " + waitress.get().describe()
                + ", which imports `asyncore`, a module " + pythonText + " no longer has, so the process stops with ModuleNotFoundError;"
                + " upgrade to `waitress>=3`" + alsoDjango, evidence.toArray(Evidence[]::new));
    }

    private static String defaultMinor() {
        String[] parts = PythonVersionTable.get().defaultPython().split("\\.");
        return parts[0] + "." + parts[1];
    }
}
