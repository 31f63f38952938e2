package dev.deploylint.report;

/**
 * The one place that makes text from the repository safe to show: control characters (C0, DEL,
 * C1: ESC, BEL, CR, LF...) and bidirectional controls become U+FFFD, so repository content can
 * neither drive a terminal (OSC 52, screen clears) nor start a line of its own, and each format's
 * own escaping (workflow commands, Markdown) is applied on top.
 */
public final class Sanitizer {

    private static final int REPLACEMENT = '\uFFFD';

    private Sanitizer() {
    }

    /** {@code text} with every unsafe code point replaced by U+FFFD: one line, nothing a terminal interprets. */
    public static String clean(String text) {
        return replace(text, false);
    }

    /** Like {@link #clean} but keeps CR and LF, for formats that escape line breaks themselves. */
    static String cleanKeepingLineBreaks(String text) {
        return replace(text, true);
    }

    private static String replace(String text, boolean keepLineBreaks) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean unsafe = isUnsafe(cp) && !(keepLineBreaks && (cp == '\n' || cp == '\r'));
            if (unsafe && sb == null) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (sb != null) {
                sb.appendCodePoint(unsafe ? REPLACEMENT : cp);
            }
            i += Character.charCount(cp);
        }
        return sb == null ? text : sb.toString();
    }

    /** Control characters and the Unicode bidirectional embedding, override, isolate and mark characters. */
    public static boolean isUnsafe(int cp) {
        return Character.getType(cp) == Character.CONTROL
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    }

    /**
     * A path as the start of an output line: cleaned, and prefixed with {@code ./} when it begins
     * with a colon, so that no file name can make a line start with {@code ::}, which GitHub Actions
     * reads as a workflow command.
     */
    public static String path(String path) {
        String cleaned = clean(path);
        return cleaned.startsWith(":") ? "./" + cleaned : cleaned;
    }

    /**
     * Text for a Markdown table cell: cleaned, line breaks as spaces, and every ASCII punctuation
     * character backslash-escaped (CommonMark allows it for all of them), so no table column, code
     * span, link, emphasis or raw HTML can come from the repository.
     */
    static String markdown(String text) {
        String cleaned = clean(text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
        StringBuilder sb = new StringBuilder(cleaned.length() + 8);
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (c < 0x80 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
