package dev.deploylint.rules.django;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectTemplate;
import dev.deploylint.rules.AppFacts;

/** DJ001: DJANGO_SETTINGS_MODULE names a module the app does not have (ModuleNotFoundError). */
public final class SettingsModuleMissing implements Rule {

    @Override
    public String id() {
        return "DJ001";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        django.settingsModule().filter(reference -> django.settingsPath().isEmpty())
                .filter(reference -> !ProjectTemplate.containsPlaceholder(reference.name())).ifPresent(reference -> {
            String path = reference.name().replace('.', '/');
            String where = django.moduleRoots().size() > 1 ? " under `" + django.moduleRoots().get(0) + "/` or the app root" : " in the app";
            findings.report(reference.at(), "DJANGO_SETTINGS_MODULE is `" + reference.name() + "`, but there is no `" + path + ".py` or `"
                    + path + "/__init__.py`" + where + ", so " + (AppFacts.collectstaticRuns(project) ? "the build's `collectstatic` and " : "")
                    + "every process fail with ModuleNotFoundError;"
                    + " name the settings module the app has");
        });
    }
}
