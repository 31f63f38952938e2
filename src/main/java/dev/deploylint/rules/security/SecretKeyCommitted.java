package dev.deploylint.rules.security;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectTemplate;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.List;
import java.util.Optional;

/**
 * DJ022: production signs with a key written in the repository: a literal SECRET_KEY or
 * SECRET_KEY_FALLBACKS entry that passes Django's strength test (weak ones are DJ004's), or the
 * literal default of a config var that nothing declares.
 */
public final class SecretKeyCommitted implements Rule {

    private static final String FIX = "set a new key with `heroku config:set DJANGO_SECRET_KEY=$(python -c"
            + " \"import secrets; print(secrets.token_urlsafe(64))\")` and read it with `os.environ[\"DJANGO_SECRET_KEY\"]`";

    @Override
    public String id() {
        return "DJ022";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        django.definiteSetting("SECRET_KEY").ifPresent(binding -> {
            Value value = binding.value();
            if (allStrongLiterals(value)) {
                findings.report(binding.at(), "SECRET_KEY is a literal key, so it is in the repository and its history, and anyone"
                        + " who can read them can forge sessions, password-reset links and signed data; " + FIX, AppFacts.tookEffect(binding));
            }
        });
        reachedFallback(project).ifPresent(fallback -> {
            String variable = fallback.variable();
            findings.report(fallback.binding().at(), "SECRET_KEY falls back to a key written in the repository when config var `"
                    + variable + "` is not set, and nothing declares `" + variable + "` (app.json `env`, a committed .env file); set it"
                    + " with `heroku config:set " + variable + "=$(python -c \"import secrets; print(secrets.token_urlsafe(64))\")` (or `\""
                    + variable + "\": {\"generator\": \"secret\"}` in app.json `env`) and drop the default", AppFacts.tookEffect(fallback.binding()));
        });
        django.definiteSetting("SECRET_KEY_FALLBACKS").ifPresent(binding -> checkFallbacks(project, binding, findings));
    }

    /** SECRET_KEY read from config var {@code variable}, whose default is a key written in the repository. */
    record Fallback(ModuleEvaluator.Binding binding, String variable) {
    }

    /**
     * The config var SECRET_KEY reads, when production reaches its literal default: every path
     * gives either a literal key or the read of a config var that nothing declares (app.json,
     * {@code --env}, a committed .env file the settings load) with a literal default, and at
     * least one path reads a config var.
     */
    static Optional<Fallback> reachedFallback(Project project) {
        Optional<ModuleEvaluator.Binding> key = DjangoProject.of(project).definiteSetting("SECRET_KEY");
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Value value = key.get().value();
        List<Value> options = value instanceof Value.OneOf one ? one.options() : List.of(value);
        java.util.Set<String> declared = AppFacts.declaredConfigVars(project);
        String variable = null;
        for (Value option : options) {
            if (option instanceof Value.EnvRead env && env.fallback() != null && isKey(env.fallback()) && !declared.contains(env.name())) {
                variable = variable == null ? env.name() : variable;
            } else if (!isKey(option)) {
                return Optional.empty();
            }
        }
        return variable == null ? Optional.empty() : Optional.of(new Fallback(key.get(), variable));
    }

    /** A non-empty literal that is not a template placeholder. */
    private static boolean isKey(Value value) {
        return value instanceof Value.Str s && !s.value().isEmpty() && !ProjectTemplate.containsPlaceholder(s.value());
    }

    /** SECRET_KEY_FALLBACKS exists since Django 4.1; an older Django ignores it. */
    private static void checkFallbacks(Project project, ModuleEvaluator.Binding binding, Findings findings) {
        Optional<ResolvedVersion> djangoVersion = ResolvedVersion.of(project, "django");
        if (djangoVersion.isPresent() && djangoVersion.get().isBelow("4.1") || !(binding.value() instanceof Value.Seq seq)) {
            return;
        }
        List<Value> items = seq.items();
        for (int i = 0; i < items.size(); i++) {
            if (allStrongLiterals(items.get(i))) {
                findings.report(binding.at(), "`SECRET_KEY_FALLBACKS[" + i + "]` is a literal key, so Django still accepts sessions and"
                        + " tokens signed with a key anyone who can read the repository knows; remove it, or read old keys from a config var",
                        AppFacts.tookEffect(binding));
            }
        }
    }

    /** A literal key (or one of several literal keys) that Django's own test finds strong; DJ004 reports the weak ones. */
    private static boolean allStrongLiterals(Value value) {
        if (value instanceof Value.OneOf one) {
            return one.options().stream().allMatch(v -> v instanceof Value.Str)
                    && one.options().stream().anyMatch(SecretKeyCommitted::allStrongLiterals)
                    && one.options().stream().noneMatch(v -> ((Value.Str) v).value().isEmpty());
        }
        return value instanceof Value.Str s && !s.value().isEmpty() && !SecretKeyWeak.weak(s.value())
                && !ProjectTemplate.containsPlaceholder(s.value());
    }
}
