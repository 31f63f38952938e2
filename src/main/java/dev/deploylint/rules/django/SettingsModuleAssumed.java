package dev.deploylint.rules.django;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;

/**
 * DJ018: only a code default names the settings, and it names a development module; deploylint
 * linted its production sibling instead and says so once.
 */
public final class SettingsModuleAssumed implements Rule {

    @Override
    public String id() {
        return "DJ018";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject.of(project).settingsModule().ifPresent(chosen -> chosen.assumedFrom().ifPresent(development ->
                findings.report(development.at(), "only this default names the settings, and `" + development.name()
                        + "` looks like a development or base module, so deploylint checked its sibling `" + chosen.name()
                        + "`; set the config var so Heroku runs the module you mean, e.g. `heroku config:set DJANGO_SETTINGS_MODULE="
                        + chosen.name() + "`, or name it in the Procfile's web command")));
    }
}
