package dev.deploylint.parse.python;

/**
 * Maps ANTLR's code point indexes to Java char offsets: the identity unless the text holds
 * characters outside the Basic Multilingual Plane, then a table built once, so that locating every
 * token of a large file stays linear.
 */
final class CodePoints {

    private final int length;
    private final int[] charOffsets;

    CodePoints(String text) {
        this.length = text.length();
        int count = text.codePointCount(0, text.length());
        if (count == text.length()) {
            this.charOffsets = null;
        } else {
            this.charOffsets = new int[count + 1];
            int offset = 0;
            for (int i = 0; i < count; i++) {
                charOffsets[i] = offset;
                offset += Character.charCount(text.codePointAt(offset));
            }
            charOffsets[count] = offset;
        }
    }

    int charOffset(int codePointIndex) {
        if (codePointIndex <= 0) {
            return 0;
        }
        if (charOffsets == null) {
            return Math.min(codePointIndex, length);
        }
        return charOffsets[Math.min(codePointIndex, charOffsets.length - 1)];
    }
}
