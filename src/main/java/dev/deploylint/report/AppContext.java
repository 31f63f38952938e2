package dev.deploylint.report;

import java.util.Objects;
import java.util.Optional;

/**
 * What deploylint assumed about an app before its rules ran, for the reports' per-app header:
 * for a Django app ({@code django}), the settings module it evaluated and why
 * ({@code settingsSource}, e.g. {@code web command DJANGO_SETTINGS_MODULE=, Procfile:1}); both
 * empty when no source names one. A record so further assumptions can be added as fields.
 */
public record AppContext(boolean django, Optional<String> settingsModule, Optional<String> settingsSource) {

    /** Nothing to say: not a Django app, or not known. */
    public static final AppContext NONE = new AppContext(false, Optional.empty(), Optional.empty());

    public AppContext {
        Objects.requireNonNull(settingsModule, "settingsModule");
        Objects.requireNonNull(settingsSource, "settingsSource");
    }

    /** True when the header has something to show. */
    public boolean isEmpty() {
        return !django;
    }

    /** The header text: {@code settings: mysite.settings (default in mysite/wsgi.py:14)} or {@code settings: none found}. */
    public String describe() {
        return "settings: " + settingsModule.map(module -> module + settingsSource.map(source -> " (" + source + ")").orElse(""))
                .orElse("none found");
    }
}
