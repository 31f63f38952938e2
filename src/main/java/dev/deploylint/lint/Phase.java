package dev.deploylint.lint;

import java.util.Locale;

/**
 * Where a deploy breaks when a rule's error is real: the build, the release phase, the running web
 * dyno, or the app setup from app.json (Heroku Button, Review Apps, CI), which a plain git push never runs.
 */
public enum Phase {
    BUILD, RELEASE, WEB, SETUP;

    public String label() {
        return this == SETUP ? "app setup" : name().toLowerCase(Locale.ROOT);
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
