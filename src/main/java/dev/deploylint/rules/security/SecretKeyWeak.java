package dev.deploylint.rules.security;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectTemplate;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.List;
import java.util.Optional;

/** DJ004: SECRET_KEY (or a SECRET_KEY_FALLBACKS entry) is empty or fails Django's strength test. */
public final class SecretKeyWeak implements Rule {

    private static final String FIX = "generate one with `heroku config:set DJANGO_SECRET_KEY=$(python -c"
            + " \"import secrets; print(secrets.token_urlsafe(64))\")` and read it with `os.environ[\"DJANGO_SECRET_KEY\"]`";

    @Override
    public String id() {
        return "DJ004";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        django.definiteSetting("SECRET_KEY").ifPresent(binding -> checkKey(project, binding, findings));
        django.definiteSetting("SECRET_KEY_FALLBACKS").ifPresent(binding -> checkFallbacks(project, binding, findings));
    }

    /** A project template's {@code {{ secret_key }}}: the key is made when the project is rendered. */
    private static boolean placeholder(Value value) {
        return value instanceof Value.Str s && ProjectTemplate.containsPlaceholder(s.value());
    }

    private static void checkKey(Project project, ModuleEvaluator.Binding binding, Findings findings) {
        Value value = binding.value();
        if (placeholder(value) || value instanceof Value.EnvRead env && placeholder(env.fallback())) {
            return;
        }
        Evidence[] tookEffect = AppFacts.tookEffect(binding);
        if (value instanceof Value.NoneValue || value instanceof Value.Str s && s.value().isEmpty()) {
            findings.report(Severity.ERROR, binding.at(), "SECRET_KEY is empty, so Django raises ImproperlyConfigured"
                    + " (\"The SECRET_KEY setting must not be empty.\") and the app cannot serve requests; " + FIX, tookEffect);
        } else if (allWeak(value)) {
            findings.report(binding.at(), "SECRET_KEY is " + weakness(value) + " committed to the repository, so anyone who"
                    + " reads the code can forge sessions and password-reset tokens; " + FIX, tookEffect);
        } else if (value instanceof Value.EnvRead env && env.fallback() != null && (Value.isFalsy(env.fallback()) || allWeak(env.fallback()))
                && SecretKeyCommitted.reachedFallback(project).isEmpty()) {
            // a weak default that production reaches is DJ022's warning; this note is for a declared config var
            findings.report(Severity.NOTE, binding.at(), "SECRET_KEY falls back to " + (Value.isFalsy(env.fallback()) ? "an empty value"
                    : "a weak key committed to the repository") + " when config var `" + env.name() + "` is not set;"
                    + " make sure the Heroku app sets `" + env.name() + "`", tookEffect);
        }
    }

    /** SECRET_KEY_FALLBACKS and security.W025 exist since Django 4.1. */
    private static void checkFallbacks(Project project, ModuleEvaluator.Binding binding, Findings findings) {
        Optional<ResolvedVersion> djangoVersion = ResolvedVersion.of(project, "django");
        if (djangoVersion.isEmpty() || djangoVersion.get().isBelow("4.1") || !(binding.value() instanceof Value.Seq seq)) {
            return;
        }
        List<Value> items = seq.items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Value.Str key && weak(key.value())) {
                findings.report(binding.at(), "`SECRET_KEY_FALLBACKS[" + i + "]` is " + weakness(key) + ", so " + djangoVersion.get().describe()
                        + " still accepts sessions and tokens signed with a key anyone can read here; remove it once old sessions"
                        + " have expired", SecuritySettings.evidence(binding, djangoVersion.get().evidence()));
            }
        }
    }

    private static boolean allWeak(Value value) {
        if (value instanceof Value.OneOf one) {
            return one.options().stream().allMatch(SecretKeyWeak::allWeak);
        }
        return value instanceof Value.Str s && !s.value().isEmpty() && weak(s.value());
    }

    /** Django's test for security.W009 (django/core/checks/security/base.py, 3.2 and later). */
    static boolean weak(String key) {
        return key.length() < 50 || key.chars().distinct().count() < 5 || key.startsWith("django-insecure-");
    }

    private static String weakness(Value value) {
        if (value instanceof Value.Str s) {
            if (s.value().startsWith("django-insecure-")) {
                return "the `django-insecure-` key `startproject` generated,";
            }
            if (s.value().length() < 50) {
                return "a key of only " + s.value().length() + " characters (Django asks for at least 50)";
            }
            return "a key with fewer than 5 distinct characters";
        }
        return "a weak key";
    }
}
