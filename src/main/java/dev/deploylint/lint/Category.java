package dev.deploylint.lint;

import java.util.Locale;

/** What a rule is about; users filter by it and dashboards group by it (see STYLE.md). */
public enum Category {
    PROCFILE, RUNTIME, DEPENDENCIES, STATIC, DATABASE, SECURITY, BUILDPACKS, CONFIG;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Category parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
