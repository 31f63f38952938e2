package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.Project;
import java.util.Map;

/** RQ009: helpers from the 2016 guides that nobody maintains any more. */
public final class UnmaintainedHerokuHelper implements Rule {

    /** Package and what to do instead. */
    private static final Map<String, String> HELPERS = Map.of(
            "django-on-heroku", "remove it and set DATABASES (with dj-database-url), STATIC_ROOT and WhiteNoise in settings.py yourself",
            "dj-static", "remove it and serve static files with WhiteNoise's `WhiteNoiseMiddleware`");

    @Override
    public String id() {
        return "RQ009";
    }

    @Override
    public void check(Project project, Findings findings) {
        Dependencies dependencies = Dependencies.of(project);
        for (String name : new String[] {"django-on-heroku", "dj-static"}) {
            dependencies.find(name).ifPresent(d -> findings.report(d.at(), "`" + name + "` is no longer maintained and does not"
                    + " follow current Django releases; " + HELPERS.get(name)));
        }
    }
}
