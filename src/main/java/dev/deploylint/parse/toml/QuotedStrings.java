package dev.deploylint.parse.toml;

import java.util.HashMap;
import java.util.Map;

/**
 * The single-line quoted strings of a TOML file ({@code "..."} and {@code '...'}, outside
 * comments), by raw content, each with the offset of its first occurrence's content. Built in one
 * pass, so locating every dependency of a long list costs one read of the file, not one per item.
 */
final class QuotedStrings {

    /** Values not found as a quoted string are searched for anywhere, at most this many times. */
    static final int MAX_FALLBACK_SCANS = 64;

    private final String text;
    private final Map<String, Integer> firstOffsets = new HashMap<>();
    private int fallbackScans;
    private long work;

    QuotedStrings(String text) {
        this.text = text;
        int length = text.length();
        work = length;
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '#') {
                i = endOfLine(i);
            } else if ((c == '"' || c == '\'') && text.startsWith(String.valueOf(c).repeat(3), i)) {
                int close = text.indexOf(String.valueOf(c).repeat(3), i + 3);
                i = close < 0 ? length : close + 3;
            } else if (c == '"' || c == '\'') {
                int end = closingQuote(c, i + 1);
                if (end < length && text.charAt(end) == c) {
                    firstOffsets.putIfAbsent(text.substring(i + 1, end), i + 1);
                }
                i = end + 1;
            } else {
                i++;
            }
        }
    }

    private int endOfLine(int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    /** The index of the quote that closes a string opened before {@code from}, or of the line end. */
    private int closingQuote(char quote, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote || c == '\n') {
                return i;
            }
            i += quote == '"' && c == '\\' ? 2 : 1;
        }
        return text.length();
    }

    /** Characters examined so far (each scan of the text counts its length; a lookup counts one). */
    long work() {
        return work;
    }

    /** The offset of {@code value}'s first occurrence as a quoted string, else anywhere (bounded); -1 if absent. */
    int offsetOf(String value) {
        work++;
        Integer offset = firstOffsets.get(value);
        if (offset != null) {
            return offset;
        }
        if (fallbackScans >= MAX_FALLBACK_SCANS) {
            return -1;
        }
        fallbackScans++;
        work += text.length();
        return text.indexOf(value);
    }
}
