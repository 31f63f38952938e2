package dev.deploylint.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** '/'-separated paths inside an app, as a shell or a browser resolves them against a folder. */
public final class RelativePaths {

    private RelativePaths() {
    }

    /**
     * {@code relative} resolved against {@code folder} (app-relative, "" for the root), with
     * {@code .} and {@code ..} segments applied; empty when it climbs out of the app.
     */
    public static Optional<String> resolve(String folder, String relative) {
        List<String> parts = new ArrayList<>();
        for (String part : (folder + "/" + relative).split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }
}
