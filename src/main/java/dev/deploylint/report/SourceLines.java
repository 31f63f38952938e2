package dev.deploylint.report;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Finding;
import dev.deploylint.source.Location;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Gives reporters the text of a source line for snippets and fingerprints: {@code path} is relative
 * to the app root, {@code line} is 1-based, and the text has no line break; empty when unknown.
 */
@FunctionalInterface
public interface SourceLines {

    Optional<String> line(String path, int line);

    /**
     * A copy of the lines of {@code source} that {@code findings} and their evidence point at, so a
     * report can outlive the app's model: a run over thousands of apps keeps only these lines.
     */
    static SourceLines snapshot(Collection<Finding> findings, SourceLines source) {
        Map<Location, String> lines = new HashMap<>();
        for (Finding finding : findings) {
            keep(finding.location(), source, lines);
            for (Evidence evidence : finding.evidence()) {
                keep(evidence.location(), source, lines);
            }
        }
        return (path, line) -> Optional.ofNullable(lines.get(new Location(path, line, 1)));
    }

    private static void keep(Location at, SourceLines source, Map<Location, String> lines) {
        Location key = new Location(at.path(), at.line(), 1);
        if (!lines.containsKey(key)) {
            source.line(at.path(), at.line()).ifPresent(text -> lines.put(key, text));
        }
    }

    /** Knows no lines: reporters then print no snippets. */
    static SourceLines none() {
        return (path, line) -> Optional.empty();
    }
}
