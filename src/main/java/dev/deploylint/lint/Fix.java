package dev.deploylint.lint;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change that removes one finding: text edits and file operations, every path relative to the
 * app root. {@code reads} holds the fingerprint ({@link SourceFile#fingerprint()}) of each existing
 * file the fix was computed from, so a file changed since it was read is refused, not overwritten.
 * Whether the fix may be applied without asking is the rule's metadata ({@link Applicability}).
 */
public record Fix(String description, List<Edit> edits, Map<String, String> reads) {

    public Fix {
        edits = List.copyOf(edits);
        reads = Map.copyOf(reads);
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("a fix changes something");
        }
    }

    /** One change to the app's files. */
    public sealed interface Edit permits Replace, Create, Rename, Delete, DropByteOrderMark {
        /** The file the edit changes (a rename's source). */
        String path();
    }

    /**
     * Replaces the text from {@code start} (inclusive) to {@code end} (exclusive) with {@code
     * replacement}; both are positions in the decoded text without a byte-order mark, and equal
     * for an insertion.
     */
    public record Replace(String path, Location start, Location end, String replacement) implements Edit {
    }

    /** Creates {@code path}, which must not exist, holding {@code content} (UTF-8). */
    public record Create(String path, String content) implements Edit {
    }

    /** Renames {@code path} to {@code to}, which must not exist. */
    public record Rename(String path, String to) implements Edit {
    }

    public record Delete(String path) implements Edit {
    }

    /** Removes the UTF-8 byte-order mark {@code path} starts with. */
    public record DropByteOrderMark(String path) implements Edit {
    }

    public static Builder builder(String description) {
        return new Builder(description);
    }

    /** Collects the edits of one fix and the fingerprints of the files they rest on. */
    public static final class Builder {
        private final String description;
        private final List<Edit> edits = new ArrayList<>();
        private final Map<String, String> reads = new LinkedHashMap<>();

        private Builder(String description) {
            this.description = description;
        }

        /** Replaces chars {@code start} to {@code end} of {@code file}'s text. */
        public Builder replace(SourceFile file, int start, int end, String replacement) {
            reads.put(file.path(), file.fingerprint());
            edits.add(new Replace(file.path(), file.locationOf(start), file.locationOf(end), replacement));
            return this;
        }

        public Builder insert(SourceFile file, int at, String text) {
            return replace(file, at, at, text);
        }

        public Builder create(String path, String content) {
            edits.add(new Create(path, content));
            return this;
        }

        public Builder rename(SourceFile file, String to) {
            reads.put(file.path(), file.fingerprint());
            edits.add(new Rename(file.path(), to));
            return this;
        }

        public Builder delete(SourceFile file) {
            reads.put(file.path(), file.fingerprint());
            edits.add(new Delete(file.path()));
            return this;
        }

        public Builder dropByteOrderMark(SourceFile file) {
            reads.put(file.path(), file.fingerprint());
            edits.add(new DropByteOrderMark(file.path()));
            return this;
        }

        public Fix build() {
            return new Fix(description, edits, reads);
        }
    }
}
