package dev.deploylint.parse.toml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.deploylint.project.Location;
import dev.deploylint.project.SourceFile;
import java.io.IOException;

/**
 * A parsed TOML file (pyproject.toml, Pipfile, poetry.lock, uv.lock) as a Jackson tree, or the
 * syntax problem that stopped parsing. The tree has no positions, so values are located by
 * finding the line that writes them ({@link #locate}).
 */
public record TomlDocument(SourceFile file, JsonNode root, Problem problem) {

    private static final ObjectMapper MAPPER = new TomlMapper();

    /** Where and why a TOML file does not parse. */
    public record Problem(Location location, String message) {
    }

    public boolean isValid() {
        return problem == null;
    }

    public static TomlDocument parse(SourceFile file) {
        try {
            return new TomlDocument(file, MAPPER.readTree(file.text()), null);
        } catch (JsonProcessingException e) {
            return new TomlDocument(file, null, new Problem(locate(file, e.getLocation()), message(e)));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return new TomlDocument(file, null, new Problem(file.start(), "invalid TOML: " + e.getClass().getSimpleName()));
        }
    }

    private static String message(JsonProcessingException e) {
        String text = e.getOriginalMessage();
        if (text == null) {
            return "invalid TOML";
        }
        int cut = text.indexOf('\n');
        return "invalid TOML: " + (cut < 0 ? text : text.substring(0, cut));
    }

    private static Location locate(SourceFile file, JsonLocation where) {
        if (where == null || where.getLineNr() < 1 || file.lineCount() == 0) {
            return file.start();
        }
        int line = Math.min(where.getLineNr(), file.lineCount());
        return file.at(line, Math.max(0, Math.min(where.getColumnNr() - 1, file.line(line).length())));
    }

    /**
     * The first line whose content, after leading spaces, starts with one of {@code starts}
     * (e.g. {@code name = "django"}), at its first non-blank character; the file start if none.
     */
    public Location locate(String... starts) {
        for (int n = 1; n <= file.lineCount(); n++) {
            String line = file.line(n);
            String trimmed = line.stripLeading();
            for (String start : starts) {
                if (trimmed.startsWith(start)) {
                    return file.at(n, line.length() - trimmed.length());
                }
            }
        }
        return file.start();
    }

    /** The line and column of the first occurrence of {@code text}; the file start if absent. */
    public Location find(String text) {
        int offset = file.text().indexOf(text);
        return offset < 0 ? file.start() : file.locationOf(offset);
    }
}
