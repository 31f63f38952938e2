package dev.deploylint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deploylint.parse.toml.TomlDocument;
import dev.deploylint.project.Project;
import dev.deploylint.project.StructuredFiles;
import dev.deploylint.project.Version;
import dev.deploylint.project.VersionSpecifier;
import dev.deploylint.rules.data.DjangoPythonTable;
import dev.deploylint.rules.data.PythonVersionTable;
import java.util.List;
import java.util.Optional;

/**
 * The Python version a fix hint may suggest: the newest minor the buildpack builds (supported, or
 * deprecated when nothing newer fits) that the app's resolved Django supports and that pyproject's
 * {@code requires-python} allows. Every rule that tells the user which Python to request asks here,
 * so no hint sends an app to a Python its pins cannot run.
 */
public final class PythonAdvice {

    /** Django releases before 2.0 import the {@code collections} ABC aliases that Python 3.10 removed. */
    public static final String DJANGO_WITHOUT_COLLECTIONS_ALIASES = "2.0";
    /** Django releases before 4.1 import the {@code cgi} module that Python 3.13 removed. */
    public static final String DJANGO_WITHOUT_CGI = "4.1";

    private PythonAdvice() {
    }

    /** The newest Python minor ("3.12") the app's pins allow, if any buildpack Python fits. */
    public static Optional<String> newestFitting(Project project) {
        Optional<ResolvedVersion> django = ResolvedVersion.of(project, "django");
        Optional<VersionSpecifier> requires = requiresPython(project);
        PythonVersionTable table = PythonVersionTable.get();
        List<PythonVersionTable.Minor> buildable = table.pythons().stream()
                .filter(m -> m.status() == PythonVersionTable.Status.SUPPORTED || m.status() == PythonVersionTable.Status.DEPRECATED)
                .filter(m -> django.map(d -> djangoRuns(d, m.name())).orElse(true))
                .filter(m -> requires.map(r -> m.latestPatch() == null
                        || Version.parse(m.latestPatch()).map(r::allows).orElse(true)).orElse(true))
                .toList();
        return buildable.stream().filter(m -> m.status() == PythonVersionTable.Status.SUPPORTED).reduce((a, b) -> b)
                .or(() -> buildable.stream().reduce((a, b) -> b))
                .map(PythonVersionTable.Minor::name);
    }

    /**
     * A fix fragment: "request Python 3.12", or, when no Python the buildpack builds runs the pinned
     * Django, "upgrade Django first: no Python the buildpack builds supports Django 1.9.13".
     */
    public static String request(Project project) {
        return request(project, null);
    }

    /**
     * As {@link #request(Project)}, for an app now on {@code current} ("3.10"): when the newest
     * fitting Python is that one, the pins are what keeps the app there, and the hint says so.
     */
    public static String request(Project project, String current) {
        Optional<String> fitting = newestFitting(project);
        if (fitting.isPresent() && fitting.get().equals(current)) {
            return ResolvedVersion.of(project, "django").filter(d -> !djangoRuns(d, PythonVersionTable.get().newest().name()))
                    .map(d -> "upgrade Django first: " + d.describe().replaceFirst("(?i)^django", "Django")
                            + " supports no newer Python the buildpack builds")
                    .orElse("widen `requires-python` first: it allows no newer Python the buildpack builds");
        }
        return fitting.map(p -> "request Python " + p)
                .orElseGet(() -> ResolvedVersion.of(project, "django")
                        .map(d -> "upgrade Django first: no Python the buildpack builds supports " + d.describe().replaceFirst("(?i)^django", "Django"))
                        .orElse("request a Python version that your `requires-python` allows"));
    }

    /** True when the Django version can run on the Python minor: listed as supported, at the patch that added it. */
    public static boolean djangoRuns(ResolvedVersion django, String python) {
        if (minorOf(python) >= 10 && django.isBelow(DJANGO_WITHOUT_COLLECTIONS_ALIASES)) {
            return false;
        }
        if (minorOf(python) >= 13 && django.isBelow(DJANGO_WITHOUT_CGI)) {
            return false;
        }
        Optional<DjangoPythonTable.Release> release = DjangoPythonTable.get().find(django.version());
        if (release.isEmpty()) {
            // Newer than the table: Django declares its minimum Python, and pip picks a release that fits.
            return !django.isBelow(DjangoPythonTable.get().djangos().get(0).minor());
        }
        return release.get().supports(python) && !django.isBelow(release.get().firstSupporting(python));
    }

    /** pyproject.toml's {@code [project] requires-python}, when it is a specifier we understand. */
    public static Optional<VersionSpecifier> requiresPython(Project project) {
        Optional<TomlDocument> pyproject = StructuredFiles.validToml(project, "pyproject.toml");
        if (pyproject.isEmpty()) {
            return Optional.empty();
        }
        JsonNode requires = pyproject.get().root().path("project").path("requires-python");
        return requires.isTextual() ? VersionSpecifier.parse(requires.asText()).filter(s -> !s.clauses().isEmpty()) : Optional.empty();
    }

    /** The minor of a Python 3 version ("3.12" is 12); Python 2 counts as older than every 3.x. */
    private static int minorOf(String python) {
        String[] parts = python.split("\\.");
        return parts[0].equals("3") ? Integer.parseInt(parts[1]) : -1;
    }
}
