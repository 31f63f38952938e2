package dev.deploylint.cli;

import java.util.List;

/** A misspelled command (`deploylint chek`) reaches `check` as a path: suggest the command it resembles. */
final class CommandNames {

    static final List<String> ALL = List.of("check", "fix", "rules", "explain", "config", "install-hook", "uninstall-hook", "lsp", "help");

    private CommandNames() {
    }

    /** {@code " (did you mean `deploylint X`?)"} for a word one or two edits from a command, else "". */
    static String suggestion(String word) {
        if (word.contains("/") || word.contains(".")) {
            return "";
        }
        return ALL.stream().filter(name -> distance(word, name) <= 2).findFirst()
                .map(name -> " (did you mean `deploylint " + name + "`?)").orElse("");
    }

    /** Levenshtein distance, for short words only. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 40) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
