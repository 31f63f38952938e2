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
                || AppFacts.containsString(apps.get().value(), StaticSettings.STATICFILES_APP)) {
            return;
        }
        findings.report(apps.get().at(), "INSTALLED_APPS does not list `" + StaticSettings.STATICFILES_APP + "`, so the build's"
                + " `collectstatic` fails with \"Unknown command: 'collectstatic'\"; add `\"" + StaticSettings.STATICFILES_APP
                + "\"` to INSTALLED_APPS, or set the config var `DISABLE_COLLECTSTATIC=1` if the app serves no static files",
                AppFacts.tookEffect(apps.get()));
    }

    /** True for a list, tuple or set whose every item is a string constant. */
    private static boolean knownStrings(Value value) {
        return value instanceof Value.Seq seq && seq.items().stream().allMatch(v -> v instanceof Value.Str);
    }
}
