package dev.deploylint.lint;

import java.util.Locale;

/**
 * Where a deploy breaks when a rule's error is real: creating the app from app.json (setup), the
 * build, the release phase, or the running web dyno.
 */
public enum Phase {
    SETUP, BUILD, RELEASE, WEB;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Phase parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** The phase of most rules in a category: version, dependency, buildpack, static-file and config problems break the build. */
    public static Phase defaultFor(Category category) {
        return switch (category) {
            case PROCFILE, DATABASE, SECURITY -> WEB;
            default -> BUILD;
        };
    }
}
