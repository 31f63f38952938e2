package dev.deploylint.config;

import dev.deploylint.lint.Finding;
import dev.deploylint.lint.RuleMetadata;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.Glob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration of a run, merged in layers (defaults, then {@code .deploylint.yml},
 * then command-line flags) and applied to findings after the rules ran, so rules know nothing of
 * it. {@code origins} says where each value came from, for {@code deploylint config}.
 */
public record Config(List<String> select, List<String> ignore, Map<String, Severity> severity,
                     List<PathIgnore> ignorePaths, String stack, String failOn, Map<String, String> env,
                     Map<String, String> origins) {

    /** Findings in files matching {@code glob} (relative to the app root) are dropped; only {@code rules}, or all when empty. */
    public record PathIgnore(String glob, List<String> rules) {
    }

    public static Config defaults(String stack) {
        Map<String, String> origins = new LinkedHashMap<>();
        origins.put("select", "default");
        origins.put("ignore", "default");
        origins.put("severity", "default");
        origins.put("ignore-paths", "default");
        origins.put("stack", "default");
        origins.put("fail-on", "default");
        origins.put("env", "default");
        return new Config(List.of(), List.of(), Map.of(), List.of(), stack, "error", Map.of(), origins);
    }

    public Config withStack(String value, String origin) {
        return new Config(select, ignore, severity, ignorePaths, value, failOn, env, origin(origins, "stack", origin));
    }

    /** {@code --select}: replaces the selection of the config file. */
    public Config withSelect(List<String> value, String origin) {
        return new Config(List.copyOf(value), ignore, severity, ignorePaths, stack, failOn, env, origin(origins, "select", origin));
    }

    /** {@code --ignore}: adds to the rules the config file ignores. */
    public Config withMoreIgnored(List<String> value, String origin) {
        List<String> all = new ArrayList<>(ignore);
        all.addAll(value);
        return new Config(select, List.copyOf(all), severity, ignorePaths, stack, failOn, env, origin(origins, "ignore", origin));
    }

    /** Config vars layered over the file's {@code env:} ({@code --env-file}, then {@code --env}). */
    public Config withEnv(Map<String, String> more, String origin) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(more);
        return new Config(select, ignore, severity, ignorePaths, stack, failOn, Map.copyOf(all), origin(origins, "env", origin));
    }

    public Config withFailOn(String value, String origin) {
        return new Config(select, ignore, severity, ignorePaths, stack, value, env, origin(origins, "fail-on", origin));
    }

    private static Map<String, String> origin(Map<String, String> origins, String key, String origin) {
        Map<String, String> copy = new LinkedHashMap<>(origins);
        copy.put(key, origin);
        return copy;
    }

    /** True when the rule is selected (all are, unless {@code select} names some) and not ignored. */
    public boolean enabled(RuleMetadata rule) {
        boolean selected = select.isEmpty() || select.stream().anyMatch(s -> Selector.matches(s, rule));
        return selected && ignore.stream().noneMatch(s -> Selector.matches(s, rule));
    }

    /**
     * Which rule ids run: those {@link #enabled}; every rule when nothing is selected or ignored,
     * then without decoding any rule's metadata (a one-app run decodes only the rules that report).
     */
    public java.util.function.Predicate<String> runs(java.util.function.Function<String, RuleMetadata> rules) {
        if (select.isEmpty() && ignore.isEmpty()) {
            return id -> true;
        }
        return id -> enabled(rules.apply(id));
    }

    /** The finding as configured: empty when its rule is disabled or its file is ignored, else with the configured severity. */
    public Optional<Finding> apply(Finding finding, RuleMetadata rule) {
        if (!enabled(rule)) {
            return Optional.empty();
        }
        for (PathIgnore path : ignorePaths) {
            if (Glob.matches(path.glob(), finding.location().path())
                    && (path.rules().isEmpty() || path.rules().stream().anyMatch(s -> Selector.matches(s, rule)))) {
                return Optional.empty();
            }
        }
        Severity configured = severity.entrySet().stream()
                .filter(e -> Selector.matches(e.getKey(), rule))
                .map(Map.Entry::getValue)
                .reduce((first, second) -> second)
                .orElse(null);
        if (configured == null || configured == finding.severity()) {
            return Optional.of(finding);
        }
        return Optional.of(finding.withSeverity(configured));
    }

    /** Applies {@link #apply} to every finding. */
    public List<Finding> apply(List<Finding> findings, java.util.function.Function<String, RuleMetadata> rules) {
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : findings) {
            apply(finding, rules.apply(finding.ruleId())).ifPresent(kept::add);
        }
        return kept;
    }
}
