package dev.deploylint.source;

import java.util.Arrays;

/**
 * The text of one file of an app, decoded as the build's tool for it decodes it (a leading
 * byte-order mark is removed and remembered), with its line starts indexed so any offset maps to a 1-based line and column.
 * Files that are not text are represented by {@link UnreadableFile} instead.
 */
public final class SourceFile implements FileContent {

    private final String path;
    private final String text;
    private final boolean byteOrderMark;
    private final int[] lineStarts;
    /** Surrogate pairs before every {@link #CHECKPOINT}th char, or null when the text has none. */
    private final int[] pairCheckpoints;

    private static final int CHECKPOINT = 1024;
    private volatile String fingerprint;

    private SourceFile(String path, String text, boolean byteOrderMark) {
        this.path = path;
        this.text = text;
        this.byteOrderMark = byteOrderMark;
        this.lineStarts = indexLines(text);
        this.pairCheckpoints = indexPairs(text);
    }

    /** A file made from text in hand (tests, generated content). */
    public static SourceFile of(String path, String text) {
        boolean bom = text.startsWith("\uFEFF");
        return new SourceFile(path, bom ? text.substring(1) : text, bom);
    }

    /**
     * Decodes {@code bytes} as the tool that reads this file on Heroku does (see {@link TextDecoding}):
     * pip's rules for requirements files, PEP 263 for Python modules, UTF-8 for the rest. Returns
     * the reason it cannot be read as text when that fails.
     */
    public static FileContent decode(String path, byte[] bytes) {
        return TextDecoding.decode(path, bytes);
    }

    private static int[] indexLines(String text) {
        int[] starts = new int[16];
        int count = 1;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == length || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * Columns count code points, so a pair of surrogates is one column. Counting them from the
     * line start on every lookup would make locating many values on one long line quadratic.
     */
    private static int[] indexPairs(String text) {
        int length = text.length();
        int[] checkpoints = null;
        int pairs = 0;
        for (int i = 1; i <= length; i++) {
            if (i % CHECKPOINT == 0 && checkpoints != null) {
                checkpoints[i / CHECKPOINT] = pairs;
            }
            if (i < length && Character.isLowSurrogate(text.charAt(i)) && Character.isHighSurrogate(text.charAt(i - 1))) {
                if (checkpoints == null) {
                    checkpoints = new int[length / CHECKPOINT + 1];
                }
                pairs++;
            }
        }
        return checkpoints;
    }

    /** The number of surrogate pairs whose second half is before {@code offset}. */
    private int pairsBefore(int offset) {
        int from = offset / CHECKPOINT * CHECKPOINT;
        int pairs = pairCheckpoints[offset / CHECKPOINT];
        for (int i = Math.max(from, 1); i < offset; i++) {
            if (Character.isLowSurrogate(text.charAt(i)) && Character.isHighSurrogate(text.charAt(i - 1))) {
                pairs++;
            }
        }
        return pairs;
    }

    public String path() {
        return path;
    }

    /** The decoded text without a byte-order mark. */
    public String text() {
        return text;
    }

    public boolean hasByteOrderMark() {
        return byteOrderMark;
    }

    /** Where the first carriage return is (the end of the first CRLF line), if any. */
    public java.util.Optional<Location> firstCarriageReturn() {
        int at = text.indexOf('\r');
        return at < 0 ? java.util.Optional.empty() : java.util.Optional.of(locationOf(at));
    }

    /** Number of lines; a final line break does not start another line. */
    public int lineCount() {
        int count = lineStarts.length;
        return count > 1 && lineStarts[count - 1] == text.length() ? count - 1 : count;
    }

    /** Line {@code line} (1-based) without its line break. */
    public String line(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The location of a char offset into {@link #text()}; columns count code points. */
    public Location locationOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int index = Arrays.binarySearch(lineStarts, clamped);
        int lineIndex = index >= 0 ? index : -index - 2;
        int start = lineStarts[lineIndex];
        int codePoints = pairCheckpoints == null ? clamped - start : clamped - start - (pairsBefore(clamped) - pairsBefore(start));
        return new Location(path, lineIndex + 1, codePoints + 1);
    }

    /** The location of a 1-based line and a 0-based char index within that line. */
    public Location at(int line, int charIndex) {
        int start = lineStarts[Math.min(line, lineStarts.length) - 1];
        return locationOf(start + charIndex);
    }

    /**
     * A digest of the text and its byte-order mark, to tell later whether the file on disk is still
     * the one read.
     */
    public String fingerprint() {
        String known = fingerprint;
        if (known == null) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(((byteOrderMark ? "\uFEFF" : "") + text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                known = java.util.HexFormat.of().formatHex(digest);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            fingerprint = known;
        }
        return known;
    }

    /** The char offset into {@link #text()} of {@code location} (columns count code points), clamped to the text. */
    public int offsetOf(Location location) {
        int line = Math.min(location.line(), lineStarts.length);
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        int offset = start;
        for (int column = 1; column < location.column() && offset < end; column++) {
            offset += Character.charCount(text.codePointAt(offset));
        }
        return offset;
    }

    /** The char offset where 1-based {@code line} starts; the text's length past the last line. */
    public int lineStart(int line) {
        return line <= lineStarts.length ? lineStarts[line - 1] : text.length();
    }

    /** The char offset just past {@code line}'s line break (or the end of the text). */
    public int lineEnd(int line) {
        return line < lineStarts.length ? lineStarts[line] : text.length();
    }

    /** The file's line break: CRLF when its first line ends so, CR alone likewise, else LF. */
    public String lineBreak() {
        int lf = text.indexOf('\n');
        int cr = text.indexOf('\r');
        if (cr >= 0 && (lf < 0 || cr < lf)) {
            return cr + 1 < text.length() && text.charAt(cr + 1) == '\n' ? "\r\n" : "\r";
        }
        return "\n";
    }

    public Location start() {
        return Location.startOf(path);
    }
}
