package dev.deploylint.lint;

import dev.deploylint.project.DeployStyle;
import java.util.Locale;

/**
 * The deploy styles a rule's claim is true for: apps built by buildpacks from a Procfile and
 * version files, apps built from a Dockerfile ({@code heroku.yml} {@code build.docker} or the
 * {@code container} stack), or both. The linter runs a rule only on apps of a style it applies to.
 */
public enum AppliesTo {
    BUILDPACK, CONTAINER, BOTH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a rule with this value should run on an app deployed in {@code style}. */
    public boolean includes(DeployStyle.Kind style) {
        return this == BOTH || name().equals(style.name());
    }

    public static AppliesTo parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
