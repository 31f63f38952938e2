package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Optional;

/** ST001: collectstatic runs but STATIC_ROOT is unset or empty (ImproperlyConfigured, build fails). */
public final class StaticRootMissing implements Rule {

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
                    + " so `collectstatic` fails during the Heroku build with ImproperlyConfigured; " + fix,
                    StaticSettings.installedAppsEvidence(django));
        } else if (root.isPresent() && !root.get().conditional() && Value.isFalsy(root.get().value())) {
            findings.report(root.get().at(), "STATIC_ROOT is empty, so `collectstatic` fails during the Heroku build with"
                    + " ImproperlyConfigured; " + fix, AppFacts.tookEffect(root.get()));
        }
    }
}
