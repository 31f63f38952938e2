package dev.deploylint.parse.toml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.io.IOException;

/**
 * A parsed TOML file (pyproject.toml, Pipfile, poetry.lock, uv.lock) as a Jackson tree, or the
 * syntax problem that stopped parsing. The tree has no positions, so values are located by
 * finding the line that writes them ({@link #locate}) or the string that holds them ({@link #find}).
 * Both are answered from indexes built on first use, so locating every package of a lock file
 * with 20,000 packages reads the file a bounded number of times, not once per package.
 */
public final class TomlDocument {

    private static final ObjectMapper MAPPER = new TomlMapper();

    private final SourceFile file;
    private final JsonNode root;
    private final Problem problem;
    private LineStarts lineStarts;
    private QuotedStrings quotedStrings;

    /** Where and why a TOML file does not parse. */
    public record Problem(Location location, String message) {
    }

    private TomlDocument(SourceFile file, JsonNode root, Problem problem) {
        this.file = file;
        this.root = root;
        this.problem = problem;
    }

    public SourceFile file() {
        return file;
    }

    /** The tree; null when the file does not parse. */
    public JsonNode root() {
        return root;
    }

    /** Why the file does not parse; null when it does. */
    public Problem problem() {
        return problem;
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
        if (lineStarts == null) {
            lineStarts = new LineStarts(file);
        }
        int best = Integer.MAX_VALUE;
        for (String start : starts) {
            best = Math.min(best, lineStarts.firstLineStartingWith(start));
        }
        if (best == Integer.MAX_VALUE) {
            return file.start();
        }
        String line = file.line(best);
        return file.at(best, line.length() - line.stripLeading().length());
    }

    /** What locating values has cost so far, in lines and characters examined: for tests of how it grows. */
    long locatingWork() {
        return (lineStarts == null ? 0 : lineStarts.work()) + (quotedStrings == null ? 0 : quotedStrings.work());
    }

    /**
     * Where a string value {@code text} is written: the first quoted string whose raw content is
     * {@code text}, else (for a few values written with escapes) the first occurrence of the text
     * anywhere; the file start if absent.
     */
    public Location find(String text) {
        if (quotedStrings == null) {
            quotedStrings = new QuotedStrings(file.text());
        }
        int offset = quotedStrings.offsetOf(text);
        return offset < 0 ? file.start() : file.locationOf(offset);
    }
}
