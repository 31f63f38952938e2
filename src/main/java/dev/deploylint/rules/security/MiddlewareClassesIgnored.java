package dev.deploylint.rules.security;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.ResolvedVersion;
import java.util.Optional;

/**
 * DJ010: only the old MIDDLEWARE_CLASSES is set. Django 1.10 deprecated it in favour of
 * MIDDLEWARE and 2.0 removed its support, so there it is ignored and no middleware runs.
 */
public final class MiddlewareClassesIgnored implements Rule {

    @Override
    public String id() {
        return "DJ010";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ModuleEvaluator.Binding> classes = django.setting("MIDDLEWARE_CLASSES");
        Optional<ResolvedVersion> djangoVersion = ResolvedVersion.of(project, "django");
        if (classes.isEmpty() || !django.definitelyUnset("MIDDLEWARE") || djangoVersion.isEmpty() || djangoVersion.get().isBelow("1.10")) {
            return;
        }
        ResolvedVersion version = djangoVersion.get();
        if (version.isAtLeast("2.0")) {
            findings.report(classes.get().at(), "MIDDLEWARE_CLASSES is ignored by " + version.describe() + " and MIDDLEWARE is not"
                    + " set, so no middleware runs: no sessions, authentication, CSRF protection, security headers or WhiteNoise;"
                    + " rename the setting to MIDDLEWARE", SecuritySettings.evidence(classes.get(), version.evidence()));
        } else {
            findings.report(Severity.WARNING, classes.get().at(), "MIDDLEWARE_CLASSES is deprecated in " + version.describe()
                    + " and ignored from Django 2.0 on; rename it to MIDDLEWARE (new-style middleware) before upgrading",
                    SecuritySettings.evidence(classes.get(), version.evidence()));
        }
    }
}
