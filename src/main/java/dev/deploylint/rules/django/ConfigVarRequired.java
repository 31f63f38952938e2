package dev.deploylint.rules.django;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * DJ002: the settings read a config var with no default on every load, so the build's
 * collectstatic and every process fail while it is unset. A note: deploylint cannot see the
 * app's config vars, only app.json, {@code --env} and a committed .env file the settings load.
 */
public final class ConfigVarRequired implements Rule {

    /** Set by the platform or an attached add-on, not by the developer. */
    private static final Set<String> PLATFORM_SET = Set.of("PORT", "DYNO", "DATABASE_URL");

    @Override
    public String id() {
        return "DJ002";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ModuleEvaluator.Evaluation> settings = DjangoProject.of(project).settings();
        if (settings.isEmpty()) {
            return;
        }
        Set<String> declared = AppFacts.declaredConfigVars(project);
        Set<String> reported = new HashSet<>();
        for (ModuleEvaluator.EnvUse use : settings.get().environmentReads()) {
            if (use.required() && !use.conditional() && !declared.contains(use.name()) && !PLATFORM_SET.contains(use.name())
                    && reported.add(use.name())) {
                findings.report(use.at(), "the settings read the config var `" + use.name() + "` with no default, so the build's"
                        + " `collectstatic` and every dyno fail while it is unset; set it with `heroku config:set " + use.name()
                        + "=...` or declare it in app.json `env`");
            }
        }
    }
}
