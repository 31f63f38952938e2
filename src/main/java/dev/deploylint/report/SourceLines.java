package dev.deploylint.report;

import java.util.Optional;

/**
 * Gives reporters the text of a source line for snippets and fingerprints: {@code path} is relative
 * to the app root, {@code line} is 1-based, and the text has no line break; empty when unknown.
 */
@FunctionalInterface
public interface SourceLines {

    Optional<String> line(String path, int line);

    /** Knows no lines: reporters then print no snippets. */
    static SourceLines none() {
        return (path, line) -> Optional.empty();
    }
}
