package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;

/**
 * RQ008: django-heroku was sunset on 2022-07-28 (heroku/django-heroku#56) and its releases yanked;
 * pip skips yanked releases unless the requirement is pinned with {@code ==} (pip's resolvelib factory),
 * so an unpinned requirement cannot be installed.
 */
public final class DjangoHerokuInUse implements Rule {

    @Override
    public String id() {
        return "RQ008";
    }

    @Override
    public void check(Project project, Findings findings) {
        Dependencies.of(project).find("django-heroku").ifPresent(d -> {
            if (d.pinned().isPresent()) {
                findings.report(d.at(), "`django-heroku==" + d.pinned().orElseThrow() + "` is sunset and yanked from PyPI, and its settings"
                        + " no longer fit current Django; remove it and set DATABASES, STATIC_ROOT and WhiteNoise in settings.py yourself",
                        AppFacts.because(d));
            } else {
                // A warning, not an error: that 0.3.1, the last release, is yanked too is unverified.
                findings.report(d.at(), "`django-heroku` is sunset and not pinned: pip skips yanked"
                        + " releases, so if every release is yanked it finds no version to install and the build fails;"
                        + " remove it and set DATABASES, STATIC_ROOT and WhiteNoise in settings.py yourself", AppFacts.because(d));
            }
        });
    }
}
