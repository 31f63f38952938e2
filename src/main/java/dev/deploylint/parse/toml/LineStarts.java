package dev.deploylint.parse.toml;

import dev.deploylint.source.SourceFile;
import java.util.Arrays;

/**
 * The lines of a file without their leading spaces, sorted, so the first line (by number) that
 * starts with a given prefix is found in logarithmic time: the lines with that prefix are one run
 * of the sorted order, and a tree of minimums over it gives the smallest line number in the run.
 * A few queries are answered by scanning, so a file asked once is never sorted.
 */
final class LineStarts {

    /** Queries answered by a plain scan before the index is built. */
    static final int SCANS_BEFORE_INDEX = 8;

    private final SourceFile file;
    private int scans;
    private String[] sorted;
    private int[] minimums;
    private long work;

    LineStarts(SourceFile file) {
        this.file = file;
    }

    /** The 1-based number of the first line that starts with {@code prefix} after leading spaces, or {@link Integer#MAX_VALUE}. */
    int firstLineStartingWith(String prefix) {
        if (sorted == null && scans < SCANS_BEFORE_INDEX) {
            scans++;
            for (int n = 1; n <= file.lineCount(); n++) {
                work++;
                if (file.line(n).stripLeading().startsWith(prefix)) {
                    return n;
                }
            }
            return Integer.MAX_VALUE;
        }
        if (sorted == null) {
            index();
        }
        int from = lowerBound(prefix);
        int to = lowerBoundAfterPrefix(prefix, from);
        return minimum(from, to);
    }

    /** Lines and sorted entries examined so far: a deterministic measure of the cost of the queries. */
    long work() {
        return work;
    }

    private void index() {
        int count = file.lineCount();
        Integer[] order = new Integer[count];
        String[] lines = new String[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
            lines[i] = file.line(i + 1).stripLeading();
        }
        Arrays.sort(order, (a, b) -> {
            work++;
            return lines[a].compareTo(lines[b]);
        });
        sorted = new String[count];
        minimums = new int[2 * Math.max(count, 1)];
        Arrays.fill(minimums, Integer.MAX_VALUE);
        for (int i = 0; i < count; i++) {
            sorted[i] = lines[order[i]];
            minimums[count + i] = order[i] + 1;
        }
        for (int i = count - 1; i > 0; i--) {
            minimums[i] = Math.min(minimums[2 * i], minimums[2 * i + 1]);
        }
    }

    /** The first index whose line is not less than {@code prefix}. */
    private int lowerBound(String prefix) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            work++;
            int middle = (low + high) >>> 1;
            if (sorted[middle].compareTo(prefix) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The first index from {@code from} whose line does not start with {@code prefix}. */
    private int lowerBoundAfterPrefix(String prefix, int from) {
        int low = from;
        int high = sorted.length;
        while (low < high) {
            work++;
            int middle = (low + high) >>> 1;
            if (sorted[middle].startsWith(prefix)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The smallest line number among sorted indexes [from, to). */
    private int minimum(int from, int to) {
        int best = Integer.MAX_VALUE;
        int count = sorted.length;
        for (int low = from + count, high = to + count; low < high; low >>= 1, high >>= 1) {
            work++;
            if ((low & 1) == 1) {
                best = Math.min(best, minimums[low++]);
            }
            if ((high & 1) == 1) {
                best = Math.min(best, minimums[--high]);
            }
        }
        return best;
    }
}
