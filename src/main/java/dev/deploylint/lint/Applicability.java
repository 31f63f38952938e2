package dev.deploylint.lint;

import java.util.Locale;

/**
 * Whether a rule's fixes may be applied without asking (ruff's model): {@code SAFE} fixes keep the
 * app's behaviour apart from the problem they remove, {@code UNSAFE} ones may change it and run only
 * with {@code --unsafe-fixes}, and {@code NONE} rules offer no fix.
 */
public enum Applicability {
    SAFE, UNSAFE, NONE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Applicability parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
