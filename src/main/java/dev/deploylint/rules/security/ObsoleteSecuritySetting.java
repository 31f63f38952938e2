package dev.deploylint.rules.security;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.Optional;

/**
 * DJ017: a security setting that no longer does anything for the Django version the app pins:
 * SECURE_BROWSER_XSS_FILTER (its check, security.W007, went in 3.0; browsers dropped the XSS filter)
 * and DEFAULT_HASHING_ALGORITHM (a transitional setting of 3.1 and 3.2, removed in 4.0).
 */
public final class ObsoleteSecuritySetting implements Rule {

    @Override
    public String id() {
        return "DJ017";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ResolvedVersion> version = ResolvedVersion.of(project, "django");
        if (version.map(v -> !v.isBelow("3.0")).orElse(true)) {
            django.setting("SECURE_BROWSER_XSS_FILTER").ifPresent(b -> report(b, version, "SECURE_BROWSER_XSS_FILTER only"
                    + " sends `X-XSS-Protection`, a header current browsers ignore since they dropped their XSS filters, and Django"
                    + " stopped recommending it in 3.0 (security.W007 removed); delete the setting and rely on template"
                    + " escaping and a Content-Security-Policy", findings));
        }
        if (version.map(v -> !v.isBelow("4.0")).orElse(true)) {
            django.setting("DEFAULT_HASHING_ALGORITHM").ifPresent(b -> report(b, version, "DEFAULT_HASHING_ALGORITHM was a"
                    + " transitional setting of Django 3.1 and 3.2 and is ignored since 4.0, which always signs with SHA-256;"
                    + " delete it", findings));
        }
    }

    private static void report(ModuleEvaluator.Binding binding, Optional<ResolvedVersion> version, String message,
                               Findings findings) {
        findings.report(binding.at(), message, AppFacts.evidence(binding, version.stream().toArray(ResolvedVersion[]::new)));
    }
}
