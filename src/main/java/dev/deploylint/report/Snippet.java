package dev.deploylint.report;

import java.util.regex.Pattern;

/**
 * A source line as a report may quote it: at most {@link #WIDTH} code points around the finding's
 * column (a minified 13 MB line is not copied into every finding), and with the string literals of
 * a line that names a secret masked, so a committed {@code SECRET_KEY} is never echoed into a CI log.
 */
final class Snippet {

    /** The most code points of a line a snippet shows, ellipses aside. */
    static final int WIDTH = 120;

    private static final String ELLIPSIS = "\u2026";
    private static final Pattern NAMES_A_SECRET = Pattern.compile("(?i)secret");
    private static final Pattern CONFIG_VAR_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    /** A .env or settings.ini line with an unquoted value: {@code export SECRET_KEY=abc}. */
    private static final Pattern UNQUOTED_ASSIGNMENT = Pattern.compile("(\\s*(?:export\\s+)?[A-Za-z_][\\w.-]*\\s*[=:]\\s*)([^\\s'\"].*)");
    private static final String INSECURE_PREFIX = "django-insecure-";
    private static final int SHOWN_PREFIX = 4;

    private Snippet() {
    }

    /** The shown part of a line and the finding's 1-based column within it. */
    record Window(String text, int column) {
    }

    /** {@code line} cut to {@link #WIDTH} code points around {@code column}, an ellipsis marking each cut end. */
    static Window window(String line, int column) {
        int length = line.codePointCount(0, line.length());
        if (length <= WIDTH) {
            return new Window(line, column);
        }
        int start = Math.max(0, Math.min(column - 1 - WIDTH / 2, length - WIDTH));
        int end = start + WIDTH;
        String part = line.substring(line.offsetByCodePoints(0, start), line.offsetByCodePoints(0, end));
        String prefix = start > 0 ? ELLIPSIS : "";
        return new Window(prefix + part + (end < length ? ELLIPSIS : ""), column - start + prefix.length());
    }

    /**
     * {@code line} with every string literal masked when the line names a secret: its first few
     * characters (or the {@code django-insecure-} prefix) and an ellipsis. Names of config vars
     * ({@code "DJANGO_SECRET_KEY"}) stay readable. A line with no quote that assigns a bare value
     * ({@code SECRET_KEY=abc} in a .env file) has that value masked the same way.
     */
    static String mask(String line) {
        if (!NAMES_A_SECRET.matcher(line).find()) {
            return line;
        }
        java.util.regex.Matcher bare = UNQUOTED_ASSIGNMENT.matcher(line);
        if (line.indexOf('\'') < 0 && line.indexOf('"') < 0 && bare.matches()) {
            return bare.group(1) + masked(bare.group(2));
        }
        // A hand-written scan, not a regular expression: linear, and no recursion on a 15 MB literal.
        StringBuilder out = new StringBuilder(Math.min(line.length(), 1024));
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != '\'' && c != '"') {
                out.append(c);
                i++;
                continue;
            }
            int close = i + 1;
            while (close < line.length() && line.charAt(close) != c) {
                close += line.charAt(close) == '\\' ? 2 : 1;
            }
            out.append(c).append(masked(line.substring(i + 1, Math.min(close, line.length()))));
            if (close < line.length()) {
                out.append(c);
            }
            i = close + 1;
        }
        return out.toString();
    }

    private static String masked(String body) {
        if (body.length() <= SHOWN_PREFIX || body.length() <= 100 && CONFIG_VAR_NAME.matcher(body).matches()) {
            return body;
        }
        return (body.startsWith(INSECURE_PREFIX) ? INSECURE_PREFIX : body.substring(0, SHOWN_PREFIX)) + ELLIPSIS;
    }

    /** The snippet a report shows: masked, then windowed. */
    static Window of(String line, int column) {
        return window(mask(line), column);
    }
}
