package dev.deploylint.rules.security;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.List;
import java.util.Optional;

/** DJ006: a known middleware list lacks Django's security, CSRF or clickjacking middleware (W001/W003/W002). */
public final class SecurityMiddlewareMissing implements Rule {

    private record Required(String path, String check, String consequence) {
    }

    private static final List<Required> REQUIRED = List.of(
            new Required(SecuritySettings.SECURITY_MIDDLEWARE, "security.W001",
                    "SECURE_SSL_REDIRECT, HSTS, nosniff and Referrer-Policy settings have no effect"),
            new Required(SecuritySettings.CSRF_MIDDLEWARE, "security.W003",
                    "forms are not protected against cross-site request forgery"),
            new Required(SecuritySettings.CLICKJACKING_MIDDLEWARE, "security.W002",
                    "pages are sent without `X-Frame-Options` and can be framed by other sites (clickjacking)"));

    @Override
    public String id() {
        return "DJ006";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<SecuritySettings.Middleware> known = SecuritySettings.middleware(project, django);
        if (known.isEmpty()) {
            return;
        }
        SecuritySettings.Middleware middleware = known.get();
        if (middleware.binding() == null) {
            if (django.setting("MIDDLEWARE_CLASSES").isEmpty()) {
                findings.report(SecuritySettings.settingsStart(django), "MIDDLEWARE is not set, so Django runs no middleware:"
                        + " no security headers or HTTPS redirect, no CSRF protection, no clickjacking protection"
                        + " (security.W001, W003, W002); set MIDDLEWARE to the list `django-admin startproject` writes");
            }
            return;
        }
        // SecurityMiddleware arrived in Django 1.8: older releases cannot import it.
        boolean securityMiddlewareExists = ResolvedVersion.of(project, "django").map(d -> d.isAtLeast("1.8")).orElse(true);
        for (Required required : REQUIRED) {
            if (required.path().equals(SecuritySettings.SECURITY_MIDDLEWARE) && !securityMiddlewareExists) {
                continue;
            }
            if (!middleware.has(required.path())) {
                findings.report(middleware.binding().at(), middleware.name() + " lacks `" + required.path() + "`, so "
                        + required.consequence() + " (" + required.check() + "); add it to " + middleware.name(),
                        AppFacts.tookEffect(middleware.binding()));
            }
        }
    }
}
