package dev.deploylint.rules.security;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DJ014: the HTTPS settings Django's {@code check --deploy} asks for are left off (security.W004, W005,
 * W008, W010–W012, W016, W021). One note per app lists them all. DJ007 reports the cases where the app
 * turns the redirect off on purpose, or turns it on and forgets the rest, so this rule leaves those out.
 */
public final class HttpsSettingsOff implements Rule {

    /** How a setting stands in production: certainly off, off unless a config var says otherwise, or neither. */
    private record State(boolean off, String configVar, ModuleEvaluator.Binding binding) {

        static final State ON_OR_UNKNOWN = new State(false, null, null);
    }

    @Override
    public String id() {
        return "DJ014";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<SecuritySettings.Middleware> known = SecuritySettings.middleware(project, django);
        if (known.isEmpty()) {
            return;
        }
        SecuritySettings.Middleware middleware = known.get();
        boolean securityMiddleware = middleware.has(SecuritySettings.SECURITY_MIDDLEWARE);
        boolean redirectOn = Boolean.TRUE.equals(SecuritySettings.truth(django, "SECURE_SSL_REDIRECT", false));
        List<String> off = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        if (securityMiddleware) {
            State redirect = state(django, "SECURE_SSL_REDIRECT");
            if (redirect.off() && redirect.binding() == null || redirect.configVar() != null) {
                add(redirect, "SECURE_SSL_REDIRECT", "security.W008", off, checks, evidence);
            }
        }
        if (!redirectOn) {
            if (securityMiddleware) {
                add(state(django, "SECURE_HSTS_SECONDS"), "SECURE_HSTS_SECONDS", "security.W004", off, checks, evidence);
            }
            if (middleware.usesSessions(project)) {
                add(state(django, "SESSION_COOKIE_SECURE"), "SESSION_COOKIE_SECURE", "security.W012", off, checks, evidence);
            }
            if (middleware.has(SecuritySettings.CSRF_MIDDLEWARE) && !Boolean.TRUE.equals(SecuritySettings.truth(django, "CSRF_USE_SESSIONS", false))) {
                add(state(django, "CSRF_COOKIE_SECURE"), "CSRF_COOKIE_SECURE", "security.W016", off, checks, evidence);
            }
        }
        if (securityMiddleware && hstsOnSomewhere(django)) {
            add(state(django, "SECURE_HSTS_INCLUDE_SUBDOMAINS"), "SECURE_HSTS_INCLUDE_SUBDOMAINS", "security.W005", off, checks,
                    evidence);
            add(state(django, "SECURE_HSTS_PRELOAD"), "SECURE_HSTS_PRELOAD", "security.W021", off, checks, evidence);
        }
        if (off.isEmpty()) {
            return;
        }
        // Anchored where the user acts: the first of these settings that is set, else the middleware list.
        Location at = evidence.stream().map(Evidence::location).findFirst()
                .or(() -> Optional.ofNullable(middleware.binding()).map(ModuleEvaluator.Binding::at))
                .orElse(SecuritySettings.settingsStart(django));
        findings.report(at, String.join(", ", off) + (off.size() == 1 ? " is" : " are")
                + " off in " + SecuritySettings.settingsName(django) + " (check --deploy: " + String.join(", ", checks) + "); if the app is"
                + " served over HTTPS only, as Heroku apps usually are, turn " + (off.size() == 1 ? "it" : "them")
                + " on so browsers never send pages or cookies over plain HTTP", evidence.toArray(Evidence[]::new));
    }

    private static void add(State state, String name, String check, List<String> off, List<String> checks,
                            List<Evidence> evidence) {
        if (!state.off() && state.configVar() == null) {
            return;
        }
        off.add(state.configVar() == null ? name : name + " (unless config var " + state.configVar() + " turns it on)");
        checks.add(check);
        if (state.binding() != null) {
            evidence.add(new Evidence(state.binding().at(), name + " is set here"));
        }
    }

    /** HSTS is on, in production or in a branch (such as `if IS_HEROKU_APP:`) that may be production. */
    private static boolean hstsOnSomewhere(DjangoProject django) {
        return django.setting("SECURE_HSTS_SECONDS").filter(b -> Boolean.TRUE.equals(Value.truth(b.value()))).isPresent();
    }

    private static State state(DjangoProject django, String name) {
        if (django.definitelyUnset(name)) {
            return new State(true, null, null);
        }
        Optional<ModuleEvaluator.Binding> definite = django.definiteSetting(name);
        if (definite.isEmpty()) {
            return State.ON_OR_UNKNOWN;
        }
        Value value = definite.get().value();
        if (Boolean.FALSE.equals(Value.truth(value))) {
            return new State(true, null, definite.get());
        }
        if (value instanceof Value.EnvRead env && env.fallback() != null && Boolean.FALSE.equals(Value.truth(env.fallback()))) {
            return new State(false, env.name(), definite.get());
        }
        return State.ON_OR_UNKNOWN;
    }
}
