package dev.deploylint.cli;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts (three lines of context), as {@code diff -u} and {@code git diff} print it. */
final class UnifiedDiff {

    private static final int CONTEXT = 3;
    /** Past this many lines on both sides the middle is shown as one replaced block (no quadratic table). */
    private static final long MAX_CELLS = 4_000_000L;

    private UnifiedDiff() {
    }

    /** The diff from {@code before} to {@code after}, labelled {@code a/...} and {@code b/...}; empty when equal. */
    static String of(String fromLabel, String before, String toLabel, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<char[]> ops = script(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(fromLabel).append('\n').append("+++ ").append(toLabel).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int quiet = 0;
            while (end < ops.size() && quiet <= 2 * CONTEXT) {
                quiet = ops.get(end)[0] == ' ' ? quiet + 1 : 0;
                end++;
            }
            end = Math.min(ops.size(), end - Math.max(0, quiet - CONTEXT));
            int aLine = 1;
            int bLine = 1;
            for (int k = 0; k < start; k++) {
                aLine += ops.get(k)[0] != '+' ? 1 : 0;
                bLine += ops.get(k)[0] != '-' ? 1 : 0;
            }
            int aCount = 0;
            int bCount = 0;
            StringBuilder body = new StringBuilder();
            for (int k = start; k < end; k++) {
                char op = ops.get(k)[0];
                aCount += op != '+' ? 1 : 0;
                bCount += op != '-' ? 1 : 0;
                body.append(ops.get(k)).append('\n');
            }
            out.append("@@ -").append(range(aLine, aCount)).append(" +").append(range(bLine, bCount)).append(" @@\n").append(body);
            i = end;
        }
        return out.toString();
    }

    private static String range(int line, int count) {
        int first = count == 0 ? line - 1 : line;
        return count == 1 ? String.valueOf(first) : first + "," + count;
    }

    /** Lines with their ends shown: a CR stays visible as \r is not, so a line-ending change reads as {@code ^M}. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i).replace("\r", "^M"));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start).replace("\r", "^M") + " (no newline at end of file)");
        }
        return lines;
    }

    /** The edit script: each entry is the op char followed by the line's chars. */
    private static List<char[]> script(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<char[]> ops = new ArrayList<>();
        for (int k = 0; k < prefix; k++) {
            ops.add(op(' ', a.get(k)));
        }
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        if ((long) midA.size() * midB.size() > MAX_CELLS) {
            midA.forEach(line -> ops.add(op('-', line)));
            midB.forEach(line -> ops.add(op('+', line)));
        } else {
            int[][] lcs = new int[midA.size() + 1][midB.size() + 1];
            for (int x = midA.size() - 1; x >= 0; x--) {
                for (int y = midB.size() - 1; y >= 0; y--) {
                    lcs[x][y] = midA.get(x).equals(midB.get(y)) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
                }
            }
            int x = 0;
            int y = 0;
            while (x < midA.size() || y < midB.size()) {
                if (x < midA.size() && y < midB.size() && midA.get(x).equals(midB.get(y))) {
                    ops.add(op(' ', midA.get(x++)));
                    y++;
                } else if (x < midA.size() && (y == midB.size() || lcs[x + 1][y] >= lcs[x][y + 1])) {
                    ops.add(op('-', midA.get(x++)));
                } else {
                    ops.add(op('+', midB.get(y++)));
                }
            }
        }
        for (int k = a.size() - suffix; k < a.size(); k++) {
            ops.add(op(' ', a.get(k)));
        }
        return ops;
    }

    private static char[] op(char op, String line) {
        char[] entry = new char[line.length() + 1];
        entry[0] = op;
        line.getChars(0, line.length(), entry, 1);
        return entry;
    }
}
