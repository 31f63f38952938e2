package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Optional;

/** ST002: collectstatic runs but STATIC_URL is unset or empty (ImproperlyConfigured, build fails). */
public final class StaticUrlMissing implements Rule {

    @Override
    public String id() {
        return "ST002";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (!StaticSettings.collectsLocally(project)) {
            return;
        }
        DjangoProject django = DjangoProject.of(project);
        String fix = "set `STATIC_URL = \"static/\"` in " + django.settingsPath().orElseThrow();
        Optional<ModuleEvaluator.Binding> url = django.setting("STATIC_URL");
        if (django.definitelyUnset("STATIC_URL")) {
            findings.report(StaticSettings.installedAppsAt(django), "STATIC_URL is not set while `django.contrib.staticfiles` is installed,"
                    + " so `collectstatic` fails during the Heroku build with ImproperlyConfigured; " + fix,
                    StaticSettings.installedAppsEvidence(django));
        } else if (url.isPresent() && !url.get().conditional() && Value.isFalsy(url.get().value())) {
            findings.report(url.get().at(), "STATIC_URL is empty, so `collectstatic` fails during the Heroku build with"
                    + " ImproperlyConfigured; " + fix, AppFacts.tookEffect(url.get()));
        }
    }
}
