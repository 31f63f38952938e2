package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.DeployStyle;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.rules.PythonAdvice;
import dev.deploylint.rules.ResolvedVersion;
import dev.deploylint.rules.data.DjangoPythonTable;
import dev.deploylint.rules.data.PythonVersionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DJ013: gunicorn cannot start on the requested Python. Before 19.8 it calls
 * {@code inspect.getargspec} while reading its configuration (gunicorn/config.py, 19.4.5 to 19.7.1),
 * which Python 3.11 removed; every 19.x imports {@code gunicorn.six.moves}, a module its bundled copy
 * of six cannot provide on Python 3.12 (ModuleNotFoundError at boot; gunicorn 20.0 dropped six).
 */
public final class GunicornTooOldForPython implements Rule {

    @Override
    public String id() {
        return "DJ013";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ResolvedVersion> gunicorn = ResolvedVersion.of(project, "gunicorn");
        if (gunicorn.isEmpty() || !gunicorn.get().isBelow("20.0")) {
            return;
        }
        Optional<PythonVersionFiles.Declared> requested = DeployStyle.declaredPython(project);
        if (requested.isEmpty() && DeployStyle.of(project).isContainer()) {
            return;
        }
        if (!DeployStyle.of(project).isContainer() && PythonVersionFiles.of(project).requestUndecided()) {
            return; // the build stops before it picks a Python (RQ003, RQ004), and which one it will pick is open
        }
        String python = requested.map(PythonVersionFiles.Declared::minorVersion).orElse(defaultMinor());
        boolean getargspec = gunicorn.get().isBelow("19.8") && DjangoPythonTable.compareMinor(python, "3.11") >= 0;
        if (!getargspec && DjangoPythonTable.compareMinor(python, "3.12") < 0) {
            return;
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(gunicorn.get().evidence());
        requested.ifPresent(d -> evidence.add(new Evidence(d.at(), "Python " + d.text() + " is requested here")));
        String pythonText = requested.map(d -> "Python " + d.text() + " (" + d.source() + ")")
                .orElse("Python " + python + " (the buildpack's default, as no version is declared)");
        String cause = getargspec ? " calls `inspect.getargspec`, which " + pythonText + " no longer has"
                : " imports `gunicorn.six.moves`, which its bundled six cannot provide on " + pythonText;
        // Upgrading gunicorn alone does not help an app whose Django cannot run on that Python either.
        String alsoDjango = ResolvedVersion.of(project, "django").filter(django -> !PythonAdvice.djangoRuns(django, python))
                .map(django -> "; " + django.describe().replaceFirst("(?i)^django", "Django") + " cannot run on Python " + python
                        + " either (PY010), so upgrade Django too")
                .orElse("");
        findings.report(gunicorn.get().dependency().at(), gunicorn.get().describe() + cause
                + ", so the web process crashes at boot; upgrade to `gunicorn>=23`" + alsoDjango, evidence.toArray(Evidence[]::new));
    }

    private static String defaultMinor() {
        String[] parts = PythonVersionTable.get().defaultPython().split("\\.");
        return parts[0] + "." + parts[1];
    }
}
