package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;

/**
 * RQ008: django-heroku was sunset on 2022-07-28 (heroku/django-heroku#56). Its releases up to 0.3.0
 * were yanked, but whether 0.3.1 was is not verified, and pip skips yanked releases only when a
 * non-yanked one remains or the requirement is not pinned (pip's resolvelib factory); so an
 * unpinned requirement may still install 0.3.1, and the finding stays a warning.
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
                findings.report(d.at(), "`django-heroku==" + d.pinned().orElseThrow() + "` is sunset (Heroku yanked its older releases from PyPI), and its settings"
                        + " no longer fit current Django; remove it and set DATABASES, STATIC_ROOT and WhiteNoise in settings.py yourself",
                        AppFacts.because(d));
            } else {
                findings.report(d.at(), "`django-heroku` is sunset and its older releases are yanked from PyPI, so an"
                        + " unpinned requirement may find nothing to install, and its settings no longer fit current Django;"
                        + " remove it and set DATABASES, STATIC_ROOT and WhiteNoise in settings.py yourself", AppFacts.because(d));
            }
        });
    }
}
