package dev.deploylint.parse.python;

/**
 * Finds the extent of Python tokens in source text, for edits that must land on exact characters:
 * where a string literal ends, which bracket closes an open one, where the blanks and comments
 * after a position end. Offsets are char offsets into the text; -1 means "not found or not plain".
 */
public final class SourceScanner {

    private SourceScanner() {
    }

    /** The offset just past the string literal starting at {@code start} (a prefix such as {@code r} or {@code b} allowed), or -1. */
    public static int stringEnd(String text, int start) {
        int i = start;
        while (i < text.length() && i - start < 3 && "rRbBuUfF".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        if (i >= text.length() || (text.charAt(i) != '\'' && text.charAt(i) != '"')) {
            return -1;
        }
        char quote = text.charAt(i);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), i);
        String closing = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        i += closing.length();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (text.startsWith(closing, i)) {
                return i + closing.length();
            } else if (!triple && (c == '\n' || c == '\r')) {
                return -1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The offset of the bracket that closes the one at {@code open}, skipping strings and comments, or -1. */
    public static int closing(String text, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
                continue;
            }
            if (c == '\'' || c == '"' || isStringPrefix(text, i)) {
                int end = stringEnd(text, i);
                if (end > 0) {
                    i = end;
                    continue;
                }
                if (c == '\'' || c == '"') {
                    return -1;
                }
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        return -1;
    }

    private static boolean isStringPrefix(String text, int i) {
        if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_')) {
            return false;
        }
        int j = i;
        while (j < text.length() && j - i < 2 && "rRbBuUfF".indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        return j > i && j < text.length() && (text.charAt(j) == '\'' || text.charAt(j) == '"');
    }

    /** The offset of the first character at or after {@code from} that is not a blank, line break, or comment. */
    public static int skipBlank(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else if (Character.isWhitespace(c) || c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r')) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }
}
