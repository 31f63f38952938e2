package dev.deploylint.parse.python;

/** Decodes Python string literal tokens: prefixes, quotes and backslash escapes. */
final class StringLiterals {

    private StringLiterals() {
    }

    /** The prefix letters of a literal token, lower-cased ("", "r", "b", "f", "rb", ...). */
    static String prefix(String token) {
        int i = 0;
        while (i < token.length() && token.charAt(i) != '\'' && token.charAt(i) != '"') {
            i++;
        }
        return token.substring(0, i).toLowerCase(java.util.Locale.ROOT);
    }

    /** The value of one complete literal token. */
    static String value(String token) {
        String prefix = prefix(token);
        String quoted = token.substring(prefix.length());
        int quote = quoted.startsWith("\"\"\"") || quoted.startsWith("'''") ? 3 : 1;
        if (quoted.length() < 2 * quote) {
            return "";
        }
        String body = quoted.substring(quote, quoted.length() - quote);
        return prefix.contains("r") ? body : unescape(body);
    }

    static String unescape(String body) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = body.charAt(i + 1);
            i += 2;
            switch (next) {
                case '\n' -> { }
                case '\r' -> i += i < body.length() && body.charAt(i) == '\n' ? 1 : 0;
                case '\\', '\'', '"' -> out.append(next);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000B');
                case 'x' -> i = hex(body, i, 2, out, "\\x");
                case 'u' -> i = hex(body, i, 4, out, "\\u");
                case 'U' -> i = hex(body, i, 8, out, "\\U");
                default -> {
                    if (next >= '0' && next <= '7') {
                        int end = i - 1;
                        while (end < body.length() && end < i + 2 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(body.substring(i - 1, end), 8));
                        i = end;
                    } else {
                        out.append('\\').append(next);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int hex(String body, int start, int digits, StringBuilder out, String escape) {
        if (start + digits <= body.length() && body.substring(start, start + digits).matches("[0-9a-fA-F]+")) {
            int codePoint = (int) Long.parseLong(body.substring(start, start + digits), 16);
            if (Character.isValidCodePoint(codePoint)) {
                out.appendCodePoint(codePoint);
                return start + digits;
            }
        }
        out.append(escape);
        return start;
    }
}
