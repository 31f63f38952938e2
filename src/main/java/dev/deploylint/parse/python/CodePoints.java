package dev.deploylint.parse.python;

/**
 * Maps ANTLR's code point indexes to Java char offsets; the identity unless the text holds
 * characters outside the Basic Multilingual Plane.
 */
final class CodePoints {

    private final String text;
    private final boolean identity;

    CodePoints(String text) {
        this.text = text;
        this.identity = text.length() == text.codePointCount(0, text.length());
    }

    int charOffset(int codePointIndex) {
        if (codePointIndex <= 0) {
            return 0;
        }
        if (identity) {
            return Math.min(codePointIndex, text.length());
        }
        int count = text.codePointCount(0, text.length());
        return text.offsetByCodePoints(0, Math.min(codePointIndex, count));
    }
}
