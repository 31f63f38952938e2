package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.Dependency;
import dev.deploylint.project.Location;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.project.Version;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.data.DjangoPythonTable;
import dev.deploylint.rules.data.PythonVersionTable;
import java.util.List;
import java.util.Optional;

/**
 * PY010: the app's Django does not support the Python it runs on (rules/data/django-python.yaml).
 * An error when the Python is older than every one that Django release supports: Django declares
 * its minimum Python as Requires-Python, so pip refuses to install the pin and the build fails.
 * A warning when the Python is newer than the release was tested with. Unpinned Django is the
 * newest release, except that pip falls back to an older Django when the newest needs a newer
 * Python, so an unpinned Django is never reported as too new for the Python.
 */
public final class DjangoPythonIncompatible implements Rule {

    @Override
    public String id() {
        return "PY010";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<Dependency> found = Dependencies.of(project).find("django");
        if (found.isEmpty()) {
            return;
        }
        Dependency django = found.get();
        if (django.pinned().isEmpty() && !django.specifier().isEmpty()) {
            return;
        }
        DjangoPythonTable table = DjangoPythonTable.get();
        Optional<DjangoPythonTable.Release> release = django.pinned().isPresent()
                ? table.find(django.pinned().get()) : Optional.of(table.newest());
        if (release.isEmpty()) {
            return;
        }
        PythonVersionFiles versionFiles = PythonVersionFiles.of(project);
        if (versionFiles.requestUndecided()) {
            return;
        }
        Optional<PythonVersionFiles.Declared> requested = versionFiles.requested();
        PythonVersionTable pythons = PythonVersionTable.get();
        String python = requested.map(PythonVersionFiles.Declared::minorVersion).orElse(pythons.defaultPython());
        PythonVersionTable.Status status = status(python, pythons);
        if (status == PythonVersionTable.Status.END_OF_LIFE || status == PythonVersionTable.Status.UNKNOWN) {
            return;
        }
        Location at = requested.map(PythonVersionFiles.Declared::at).orElse(django.at());
        String on = "Python " + python + (requested.map(r -> " (" + r.source() + ")").orElse(" (the buildpack default)"));
        DjangoPythonTable.Release r = release.get();
        String name = django.pinned().map(v -> "Django " + v).orElse("Django " + r.minor() + " (unpinned, so the newest)");
        if (r.isTooOldFor(python)) {
            if (django.pinned().isEmpty()) {
                return;
            }
            String older = table.newestSupporting(python).map(d -> " or pin Django " + d.minor()).orElse("");
            findings.report(requested.isPresent() ? Severity.ERROR : Severity.WARNING, at, name + " requires Python "
                    + r.pythons().get(0) + " or newer, so pip cannot install it on " + on + " and the build fails; request Python "
                    + newestFor(r, pythons) + older, AppFacts.because(django));
            return;
        }
        Optional<Version> pinned = django.pinned();
        if (r.supports(python) && pinned.map(v -> !v.isBelow(r.firstSupporting(python))).orElse(true)) {
            return;
        }
        if (r.supports(python)) {
            findings.report(Severity.WARNING, at, name + " does not support " + on + ": Django " + r.minor() + " supports Python "
                    + python + " only from " + r.firstSupporting(python) + ", so it may fail at import or at runtime; upgrade Django to "
                    + r.firstSupporting(python) + " or later", AppFacts.because(django));
            return;
        }
        String upgrade = table.oldestSupporting(python, r).map(d -> "upgrade Django to " + d.firstSupporting(python) + " or later")
                .orElse("use a Python version Django " + r.minor() + " supports");
        String downgrade = r.pythons().stream()
                .filter(p -> status(p, pythons) == PythonVersionTable.Status.SUPPORTED
                        || status(p, pythons) == PythonVersionTable.Status.DEPRECATED)
                .filter(p -> pinned.map(v -> !v.isBelow(r.firstSupporting(p))).orElse(true))
                .reduce((x, y) -> y)
                .map(p -> ", or request Python " + p + (status(p, pythons) == PythonVersionTable.Status.DEPRECATED
                        ? " (deprecated on Heroku)" : ""))
                .orElse("");
        findings.report(Severity.WARNING, at, name + " supports Python " + r.pythons().get(0) + " to "
                + r.pythons().get(r.pythons().size() - 1) + ", not " + on + ", so it may fail at import or at runtime; "
                + upgrade + downgrade, AppFacts.because(django));
    }

    /** The newest Python the buildpack builds that {@code release} supports, for the fix. */
    private static String newestFor(DjangoPythonTable.Release release, PythonVersionTable pythons) {
        List<String> supported = release.pythons();
        return supported.stream()
                .filter(p -> status(p, pythons) == PythonVersionTable.Status.SUPPORTED)
                .reduce((x, y) -> y)
                .orElse(supported.get(supported.size() - 1));
    }

    private static PythonVersionTable.Status status(String python, PythonVersionTable pythons) {
        String[] parts = python.split("\\.");
        return pythons.status(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
