package dev.deploylint.report;

/** Escaping for the XML reporters. */
final class Xml {

    private Xml() {
    }

    /** Text safe inside an attribute or element: markup escaped, control characters replaced, non-characters dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (Sanitizer.isUnsafe(c)) {
                        out.append('\uFFFD'); // C0 (which XML 1.0 forbids), C1 and bidi controls
                    } else if (c != 0xFFFE && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
