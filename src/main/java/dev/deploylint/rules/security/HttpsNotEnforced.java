package dev.deploylint.rules.security;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Optional;

/**
 * DJ007: production settings turn the HTTPS redirect off, or turn it on but leave the session
 * cookie, the CSRF cookie or HSTS off. An unset SECURE_SSL_REDIRECT alone is not reported: it is
 * Django's default and most apps on Heroku leave it so, which would make the finding noise.
 */
public final class HttpsNotEnforced implements Rule {

    @Override
    public String id() {
        return "DJ007";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ModuleEvaluator.Binding> redirect = django.definiteSetting("SECURE_SSL_REDIRECT");
        if (redirect.isEmpty()) {
            return;
        }
        ModuleEvaluator.Binding binding = redirect.get();
        Boolean on = Value.truth(binding.value());
        if (Boolean.FALSE.equals(on)) {
            findings.report(binding.at(), "SECURE_SSL_REDIRECT is off in " + SecuritySettings.settingsName(DjangoProject.of(project)) + ", so plain-HTTP requests are"
                    + " served instead of redirected to HTTPS (security.W008); set `SECURE_SSL_REDIRECT = True`",
                    AppFacts.tookEffect(binding));
            return;
        }
        if (!Boolean.TRUE.equals(on)) {
            return;
        }
        cookie(django, binding, "SESSION_COOKIE_SECURE", "the session cookie", "security.W012", findings);
        if (!Boolean.TRUE.equals(SecuritySettings.truth(django, "CSRF_USE_SESSIONS", false))) {
            cookie(django, binding, "CSRF_COOKIE_SECURE", "the CSRF cookie", "security.W016", findings);
        }
        if (Boolean.FALSE.equals(SecuritySettings.truth(django, "SECURE_HSTS_SECONDS", false))) {
            report(django, binding, "SECURE_HSTS_SECONDS", "browsers are not told to use HTTPS only and the first request of"
                    + " each visit can still go out over plain HTTP (security.W004); set `SECURE_HSTS_SECONDS`, starting small"
                    + " (e.g. 3600) before raising it to a year", findings);
        }
    }

    private static void cookie(DjangoProject django, ModuleEvaluator.Binding redirect, String name, String what, String check,
                               Findings findings) {
        if (Boolean.FALSE.equals(SecuritySettings.truth(django, name, false))) {
            report(django, redirect, name, what + " is also sent over plain HTTP and can be stolen on the way (" + check
                    + "); set `" + name + " = True`", findings);
        }
    }

    /** Reports at the setting when it is assigned, else at SECURE_SSL_REDIRECT, which made it matter. */
    private static void report(DjangoProject django, ModuleEvaluator.Binding redirect, String name, String consequence,
                               Findings findings) {
        Optional<ModuleEvaluator.Binding> own = django.definiteSetting(name);
        ModuleEvaluator.Binding at = own.orElse(redirect);
        findings.report(at.at(), "SECURE_SSL_REDIRECT is True but " + name + (own.isPresent() ? " is off" : " is not set")
                + ", so " + consequence, AppFacts.tookEffect(at));
    }
}
