package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.rules.PythonEdits;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Optional;

/** ST001: collectstatic runs but STATIC_ROOT is unset or empty (ImproperlyConfigured, build fails). */
public final class StaticRootMissing implements Rule {

    /**
     * Adds {@code STATIC_ROOT} on the line after a one-line {@code STATIC_URL = "..."}, in the module
     * that set STATIC_URL, built from a BASE_DIR set earlier in that same module: with {@code /} when
     * BASE_DIR is a pathlib Path, with {@code os.path.join} when it is an os.path string and
     * {@code os} is imported there. Otherwise no fix: the expression would be a guess.
     */
    private static Fix staticRoot(Project project, DjangoProject django) {
        Optional<ModuleEvaluator.Binding> url = django.definiteSetting("STATIC_URL");
        Optional<ModuleEvaluator.Binding> base = django.definiteSetting("BASE_DIR");
        if (url.isEmpty() || base.isEmpty() || !(base.get().value() instanceof Value.PathValue)
                || !base.get().at().path().equals(url.get().at().path()) || base.get().at().line() >= url.get().at().line()) {
            return null;
        }
        Optional<PythonEdits.SourceStatement> statement = PythonEdits.statement(project, url.get());
        Optional<PythonEdits.SourceStatement> baseStatement = PythonEdits.statement(project, base.get());
        if (statement.isEmpty() || baseStatement.isEmpty() || !statement.get().indent().isEmpty()) {
            return null;
        }
        int end = statement.get().endOfSimpleStringAssignment();
        String baseLine = statement.get().file().line(base.get().at().line());
        String folder = PythonEdits.literal(statement.get().file(), "staticfiles");
        String value;
        if (baseLine.contains("Path(") && !baseLine.contains("os.path")) {
            value = "BASE_DIR / " + folder;
        } else if (baseLine.contains("os.path") && !baseLine.contains("Path(") && imported(django, "os", url.get())) {
            value = "os.path.join(BASE_DIR, " + folder + ")";
        } else {
            return null;
        }
        if (end < 0) {
            return null;
        }
        return Fix.builder("set `STATIC_ROOT = " + value + "` in " + url.get().at().path())
                .insert(statement.get().file(), end, "STATIC_ROOT = " + value + statement.get().file().lineBreak()).build();
    }

    /** True when module {@code name} is imported, unconditionally, before {@code before} in its module. */
    private static boolean imported(DjangoProject django, String name, ModuleEvaluator.Binding before) {
        return django.definiteSetting(name).filter(b -> b.value() instanceof Value.Ref ref && ref.qualifiedName().equals(name))
                .filter(b -> b.at().path().equals(before.at().path()) && b.at().line() < before.at().line()).isPresent();
    }

    @Override
    public String id() {
        return "ST001";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (!StaticSettings.collectsLocally(project)) {
            return;
        }
        DjangoProject django = DjangoProject.of(project);
        String fix = "set `STATIC_ROOT = BASE_DIR / \"staticfiles\"` in " + django.settingsPath().orElseThrow();
        Optional<ModuleEvaluator.Binding> root = django.setting("STATIC_ROOT");
        if (django.definitelyUnset("STATIC_ROOT")) {
            findings.report(StaticSettings.installedAppsAt(django), "STATIC_ROOT is not set while `django.contrib.staticfiles` is installed,"
                    + " so `collectstatic` fails during the Heroku build with ImproperlyConfigured; " + fix, staticRoot(project, django),
                    StaticSettings.installedAppsEvidence(django));
        } else if (root.isPresent() && !root.get().conditional() && Value.isFalsy(root.get().value())) {
            findings.report(root.get().at(), "STATIC_ROOT is empty, so `collectstatic` fails during the Heroku build with"
                    + " ImproperlyConfigured; " + fix, AppFacts.tookEffect(root.get()));
        }
    }
}
