package dev.deploylint.project;

import dev.deploylint.source.Location;
import java.util.Locale;
import java.util.Optional;

/**
 * A package the app declares: its PEP 503 normalised name, the version constraint as written
 * (empty when unconstrained), the exact version when pinned or locked, where it is declared, and
 * its PEP 508 environment marker as written (empty when it has none).
 */
public record Dependency(String name, String specifier, Optional<Version> pinned, Location at, String marker) {

    /** A declaration without an environment marker. */
    public Dependency(String name, String specifier, Optional<Version> pinned, Location at) {
        this(name, specifier, pinned, at, "");
    }

    /** Lower case with runs of '-', '_' and '.' folded to '-', as PEP 503 compares names. */
    public static String normalize(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        StringBuilder normal = new StringBuilder(lower.length());
        boolean inSeparators = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean separator = c == '-' || c == '_' || c == '.';
            if (!separator) {
                normal.append(c);
            } else if (!inSeparators) {
                normal.append('-');
            }
            inSeparators = separator;
        }
        return normal.toString();
    }

    /**
     * "whitenoise==6.6.0", "whitenoise>=6" or "whitenoise (unpinned)": the declaration without its place,
     * which reporters print from {@link #at()}.
     */
    public String describe() {
        return pinned.map(v -> name + "==" + v).orElse(name + (specifier.isEmpty() ? " (unpinned)" : specifier));
    }

    /** The pinned version when one is known. */
    public Optional<Version> version() {
        return pinned;
    }
}
