package dev.deploylint.config;

import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.RuleMetadata;
import java.util.Locale;

/**
 * How users name rules in configuration: an id (PF004), a name (web-process-missing), an id
 * prefix (PF), a category (procfile), or {@code all}.
 */
public final class Selector {

    private Selector() {
    }

    static boolean matches(String selector, RuleMetadata rule) {
        String s = selector.trim();
        return s.equalsIgnoreCase("all")
                || s.equalsIgnoreCase(rule.id())
                || s.equals(rule.name())
                || (s.length() == 2 && rule.id().startsWith(s.toUpperCase(Locale.ROOT)))
                || s.equalsIgnoreCase(rule.category().label());
    }

    /** True when the selector names at least one known rule. */
    public static boolean known(String selector, RuleCatalog catalog) {
        return catalog.all().stream().anyMatch(rule -> matches(selector, rule));
    }
}
