package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.DeployStyle;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.rules.PythonAdvice;
import dev.deploylint.rules.ResolvedVersion;
import dev.deploylint.rules.data.DjangoPythonTable;
import dev.deploylint.rules.data.PythonVersionTable;
import dev.deploylint.source.Location;
import java.util.Optional;

/**
 * PY010: the app's Django does not support the Python it runs on (rules/data/django-python.yaml).
 * The Django is the one the build installs ({@link ResolvedVersion}: pinned, or the newest release
 * its range allows). Errors where failure is certain:
 * <ul>
 *   <li>Django before 2.0 on Python 3.10 or later, and Django before 4.1 on Python 3.13 or later:
 *   Django imports a standard-library name that Python removed, so it crashes at import
 *   (collectstatic during the build, or the web dyno);</li>
 *   <li>the Python is older than every one that Django release supports: Django declares its minimum
 *   Python as Requires-Python, so pip refuses to install the pin and the build fails.</li>
 * </ul>
 * A warning when the Python is only newer than the release was tested with. The Python is the
 * requested one, or the buildpack default: a warning then, as a previous build's Python may stick, unless
 * the Django cannot be imported on any Python the buildpack builds (before 2.0: every one is 3.10 or newer).
 */
public final class DjangoPythonIncompatible implements Rule {

    @Override
    public String id() {
        return "PY010";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ResolvedVersion> resolved = ResolvedVersion.of(project, "django");
        if (resolved.isEmpty()) {
            return;
        }
        ResolvedVersion django = resolved.get();
        Optional<PythonVersionFiles.Declared> requested = DeployStyle.declaredPython(project);
        if (requested.isEmpty() && DeployStyle.of(project).isContainer()) {
            return;
        }
        if (!DeployStyle.of(project).isContainer() && PythonVersionFiles.of(project).requestUndecided()) {
            return; // several package-manager files: the build stops before it reads a version (RQ003)
        }
        PythonVersionTable pythons = PythonVersionTable.get();
        String python = requested.map(PythonVersionFiles.Declared::minorVersion).orElse(pythons.defaultPython());
        PythonVersionTable.Status status = status(python, pythons);
        if (status == PythonVersionTable.Status.END_OF_LIFE || status == PythonVersionTable.Status.UNKNOWN) {
            return;
        }
        Location at = requested.map(PythonVersionFiles.Declared::at).orElse(django.dependency().at());
        String on = "Python " + python + (requested.map(r -> " (" + r.source() + ")").orElse(" (the buildpack default)"));
        // A previous build's Python sticks only within the versions the buildpack still builds, so a Django
        // that cannot even be imported on any of them fails whatever Python the build ends up with.
        Severity certain = requested.isPresent() || importFailsOnEveryBuildpackPython(django, pythons) ? Severity.ERROR : Severity.WARNING;
        String name = describe(django);
        Optional<String> removed = removedImport(django, python);
        if (removed.isPresent()) {
            String upgrade = "upgrade Django to " + firstRunningOn(python) + " or later";
            String cure = PythonAdvice.newestFitting(project).map(p -> "request Python " + p + ", or " + upgrade)
                    .orElse(upgrade + " first: no Python the buildpack builds supports " + name);
            findings.report(certain, at, name + " imports " + removed.get() + ", so the app crashes at import on " + on
                    + " and collectstatic or the web dyno fails; " + cure, django.evidence());
            return;
        }
        DjangoPythonTable table = DjangoPythonTable.get();
        Optional<DjangoPythonTable.Release> release = table.find(django.version());
        if (release.isEmpty()) {
            return;
        }
        DjangoPythonTable.Release r = release.get();
        if (r.isTooOldFor(python)) {
            // pip falls back to an older Django that fits the Python unless the version is exact.
            if (!django.exact()) {
                return;
            }
            String older = table.newestSupporting(python).map(d -> " or pin Django " + d.minor()).orElse("");
            findings.report(certain, at, name + " requires Python " + r.pythons().get(0) + " or newer, so pip cannot install it on "
                    + on + " and the build fails; " + PythonAdvice.request(project) + older, django.evidence());
            return;
        }
        if (r.supports(python) && !django.isBelow(r.firstSupporting(python))) {
            return;
        }
        if (r.supports(python)) {
            findings.report(Severity.WARNING, at, name + " does not support " + on + ": Django " + r.minor() + " supports Python "
                    + python + " only from " + r.firstSupporting(python) + ", so it may fail at import or at runtime; upgrade Django to "
                    + r.firstSupporting(python) + " or later", django.evidence());
            return;
        }
        String upgrade = table.oldestSupporting(python, r).map(d -> "upgrade Django to " + d.firstSupporting(python) + " or later")
                .orElse("use a Python version Django " + r.minor() + " supports");
        String downgrade = PythonAdvice.newestFitting(project).filter(p -> !p.equals(python))
                .map(p -> ", or request Python " + p + (status(p, pythons) == PythonVersionTable.Status.DEPRECATED
                        ? " (deprecated on Heroku)" : ""))
                .orElse("");
        findings.report(Severity.WARNING, at, name + " supports Python " + r.pythons().get(0) + " to "
                + r.pythons().get(r.pythons().size() - 1) + ", not " + on + ", so it may fail at import or at runtime; "
                + upgrade + downgrade, django.evidence());
    }

    private static boolean importFailsOnEveryBuildpackPython(ResolvedVersion django, PythonVersionTable pythons) {
        return pythons.pythons().stream()
                .filter(m -> m.status() == PythonVersionTable.Status.SUPPORTED || m.status() == PythonVersionTable.Status.DEPRECATED)
                .allMatch(m -> removedImport(django, m.name()).isPresent());
    }

    /** The standard-library name this Django imports at startup that {@code python} no longer has. */
    private static Optional<String> removedImport(ResolvedVersion django, String python) {
        int minor = python.startsWith("3.") ? Integer.parseInt(python.substring(2)) : -1;
        if (minor >= 10 && django.isBelow(PythonAdvice.DJANGO_WITHOUT_COLLECTIONS_ALIASES)) {
            return Optional.of("`Iterator` and `Mapping` from `collections` (releases before 2.0), aliases that Python 3.10 removed");
        }
        if (minor >= 13 && django.isBelow(PythonAdvice.DJANGO_WITHOUT_CGI)) {
            return Optional.of("the `cgi` module (releases before 4.1), which Python 3.13 removed");
        }
        return Optional.empty();
    }

    /** The first Django release that supports {@code python}, e.g. 5.1.3 for 3.13. */
    private static String firstRunningOn(String python) {
        return DjangoPythonTable.get().djangos().stream().filter(d -> d.supports(python)).findFirst()
                .map(d -> d.firstSupporting(python)).orElse(DjangoPythonTable.get().newest().minor());
    }

    private static String describe(ResolvedVersion django) {
        return django.exact() ? "Django " + django.version()
                : "Django " + django.version() + " (the newest release " + (django.dependency().specifier().isEmpty()
                        ? "an unpinned requirement" : "`" + django.dependency().specifier() + "`") + " allows)";
    }

    private static PythonVersionTable.Status status(String python, PythonVersionTable pythons) {
        String[] parts = python.split("\\.");
        return pythons.status(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
