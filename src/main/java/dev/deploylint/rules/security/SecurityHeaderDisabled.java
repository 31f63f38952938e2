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
 * DJ016: the production settings turn off a protective header or cookie flag that Django sends by
 * default (security.W006, W013–W015, W019, W022). Only values the settings set certainly are reported;
 * the defaults are already safe on Django 3.1 and later.
 */
public final class SecurityHeaderDisabled implements Rule {

    @Override
    public String id() {
        return "DJ016";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<SecuritySettings.Middleware> known = SecuritySettings.middleware(project, django);
        if (known.isEmpty()) {
            return;
        }
        SecuritySettings.Middleware middleware = known.get();
        if (middleware.has(SecuritySettings.SECURITY_MIDDLEWARE)) {
            django.definiteSetting("SECURE_CONTENT_TYPE_NOSNIFF").filter(b -> Boolean.FALSE.equals(Value.truth(b.value())))
                    .ifPresent(b -> report(b, "SECURE_CONTENT_TYPE_NOSNIFF is off, so browsers may guess a file's type and run"
                            + " an uploaded file as a script (security.W006); remove the line (the default is True)", findings));
            django.definiteSetting("SECURE_REFERRER_POLICY").filter(b -> b.value() instanceof Value.NoneValue)
                    .ifPresent(b -> report(b, "SECURE_REFERRER_POLICY is None, so pages are sent without a Referrer-Policy"
                            + " header and full URLs leak to other sites (security.W022); use `\"same-origin\"`, Django's default",
                            findings));
        }
        if (middleware.has(SecuritySettings.CLICKJACKING_MIDDLEWARE)) {
            django.definiteSetting("X_FRAME_OPTIONS").filter(b -> b.value() instanceof Value.Str s && !s.value().equals("DENY"))
                    .ifPresent(b -> report(b, "X_FRAME_OPTIONS is `" + ((Value.Str) b.value()).value() + "`, not `DENY`, so"
                            + " pages can be framed (security.W019); use `DENY` unless the app frames its own pages", findings));
        }
        if (middleware.usesSessions(project)) {
            django.definiteSetting("SESSION_COOKIE_HTTPONLY").filter(b -> Boolean.FALSE.equals(Value.truth(b.value())))
                    .ifPresent(b -> report(b, "SESSION_COOKIE_HTTPONLY is off, so any script on the page, an injected one too,"
                            + " can read the session cookie (security.W013 to W015); remove the line (the default is True)",
                            findings));
        }
    }

    private static void report(ModuleEvaluator.Binding binding, String message, Findings findings) {
        findings.report(binding.at(), message, AppFacts.tookEffect(binding));
    }
}
