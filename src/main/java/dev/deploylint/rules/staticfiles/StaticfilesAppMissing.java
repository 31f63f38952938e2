package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Optional;

/**
 * ST016: the build runs {@code manage.py collectstatic}, a command only django.contrib.staticfiles
 * provides, so without the app Django answers "Unknown command: 'collectstatic'" and the build fails
 * (buildpack fixture django_staticfiles_app_not_enabled, v351).
 */
public final class StaticfilesAppMissing implements Rule {

    @Override
    public String id() {
        return "ST016";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        if (!django.isDjango() || django.settings().isEmpty() || !AppFacts.collectstaticRuns(project)) {
            return;
        }
        Optional<ModuleEvaluator.Binding> apps = django.setting("INSTALLED_APPS");
        if (apps.isEmpty() || apps.get().conditional() || !knownStrings(apps.get().value())
                || ((Value.Seq) apps.get().value()).items().stream()
                        .anyMatch(app -> mayProvideStaticfiles(project, django, ((Value.Str) app).value()))) {
            return;
        }
        findings.report(apps.get().at(), "INSTALLED_APPS does not list `" + StaticSettings.STATICFILES_APP + "`, so the build's"
                + " `collectstatic` fails with \"Unknown command: 'collectstatic'\"; add `\"" + StaticSettings.STATICFILES_APP
                + "\"` to INSTALLED_APPS, or set the config var `DISABLE_COLLECTSTATIC=1` if the app serves no static files",
                AppFacts.tookEffect(apps.get()));
    }

    /**
     * True for the staticfiles app or an AppConfig that may stand for it: Django's docs replace
     * "django.contrib.staticfiles" with a project's own StaticFilesConfig subclass to change
     * ignore_patterns, so an AppConfig path whose module mentions StaticFilesConfig counts.
     */
    private static boolean mayProvideStaticfiles(Project project, DjangoProject django, String app) {
        if (app.startsWith(StaticSettings.STATICFILES_APP) || app.contains("StaticFilesConfig")) {
            return true;
        }
        int dot = app.lastIndexOf('.');
        if (dot < 0 || dot == app.length() - 1 || !Character.isUpperCase(app.charAt(dot + 1))) {
            return false;
        }
        return django.resolveModule(app.substring(0, dot)).flatMap(project::text)
                .map(file -> file.text().contains("StaticFilesConfig")).orElse(false);
    }

    /** True for a list, tuple or set whose every item is a string constant. */
    private static boolean knownStrings(Value value) {
        return value instanceof Value.Seq seq && seq.items().stream().allMatch(v -> v instanceof Value.Str);
    }
}
