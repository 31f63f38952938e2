package dev.deploylint.source;

/**
 * A position in an app: a path relative to the app root with '/' separators, and a 1-based line
 * and column (columns count Unicode code points).
 */
public record Location(String path, int line, int column) implements Comparable<Location> {

    public Location {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** The start of a file: the anchor for findings about a whole file. */
    public static Location startOf(String path) {
        return new Location(path, 1, 1);
    }

    @Override
    public int compareTo(Location other) {
        int byPath = path.compareTo(other.path);
        if (byPath != 0) {
            return byPath;
        }
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
