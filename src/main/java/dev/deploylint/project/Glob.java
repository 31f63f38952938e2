package dev.deploylint.project;

/**
 * Shell-style wildcard matching as gitignore and .slugignore use it: {@code *} and {@code ?} never
 * match '/', {@code [a-z]} and {@code [!a-z]} are character classes, {@code **} matches across
 * folders, {@code **}{@code /} matches zero or more folders, and a backslash quotes the next character.
 * Memoised, so hostile patterns take at most pattern length times text length squared steps.
 */
public final class Glob {

    private final String pattern;
    private final String text;
    private final byte[] memo;

    private Glob(String pattern, String text) {
        this.pattern = pattern;
        this.text = text;
        this.memo = new byte[(pattern.length() + 1) * (text.length() + 1)];
    }

    /**
     * Why {@code glob} is not a usable pattern for app-relative paths, if it is not: empty, an
     * unclosed {@code [}, a trailing backslash, or a form no app-relative path can match (a leading
     * {@code /} or a {@code ..} segment).
     */
    public static java.util.Optional<String> problem(String glob) {
        if (glob.isEmpty()) {
            return java.util.Optional.of("an empty pattern matches nothing");
        }
        if (glob.startsWith("/")) {
            return java.util.Optional.of("paths are relative to the app root, so a pattern starting with / never matches; remove the /");
        }
        if (("/" + glob + "/").contains("/../")) {
            return java.util.Optional.of("paths inside the app have no .. segment, so this pattern never matches");
        }
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                if (i + 1 == glob.length()) {
                    return java.util.Optional.of("a trailing backslash quotes nothing");
                }
                i++;
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    return java.util.Optional.of("the [ at position " + (i + 1) + " is never closed");
                }
                i = close;
            }
        }
        return java.util.Optional.empty();
    }

    /** True when {@code glob} matches the whole of {@code text}. */
    public static boolean matches(String glob, String text) {
        return new Glob(glob, text).match(0, 0);
    }

    private boolean match(int p, int t) {
        int key = p * (text.length() + 1) + t;
        if (memo[key] != 0) {
            return memo[key] == 1;
        }
        boolean result = compute(p, t);
        memo[key] = (byte) (result ? 1 : 2);
        return result;
    }

    private boolean compute(int p, int t) {
        if (p == pattern.length()) {
            return t == text.length();
        }
        char c = pattern.charAt(p);
        if (c == '*') {
            if (p + 1 < pattern.length() && pattern.charAt(p + 1) == '*') {
                int next = p + 2;
                while (next < pattern.length() && pattern.charAt(next) == '*') {
                    next++;
                }
                if (next < pattern.length() && pattern.charAt(next) == '/') {
                    for (int u = t; u <= text.length(); u++) {
                        if ((u == t || text.charAt(u - 1) == '/') && match(next + 1, u)) {
                            return true;
                        }
                    }
                    return false;
                }
                for (int u = t; u <= text.length(); u++) {
                    if (match(next, u)) {
                        return true;
                    }
                }
                return false;
            }
            for (int u = t; u <= text.length(); u++) {
                if (match(p + 1, u)) {
                    return true;
                }
                if (u == text.length() || text.charAt(u) == '/') {
                    return false;
                }
            }
            return false;
        }
        if (t == text.length()) {
            return false;
        }
        char x = text.charAt(t);
        if (c == '?') {
            return x != '/' && match(p + 1, t + 1);
        }
        if (c == '[') {
            int end = classEnd(p);
            if (end > 0) {
                return x != '/' && inClass(p, end, x) && match(end + 1, t + 1);
            }
        }
        if (c == '\\' && p + 1 < pattern.length()) {
            return pattern.charAt(p + 1) == x && match(p + 2, t + 1);
        }
        return c == x && match(p + 1, t + 1);
    }

    /** The index of the ']' closing the class at {@code open}, or -1 when there is none. */
    private int classEnd(int open) {
        int i = open + 1;
        if (i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        while (i < pattern.length() && pattern.charAt(i) != ']') {
            i++;
        }
        return i < pattern.length() ? i : -1;
    }

    private boolean inClass(int open, int end, char x) {
        int i = open + 1;
        boolean negated = pattern.charAt(i) == '!' || pattern.charAt(i) == '^';
        if (negated) {
            i++;
        }
        boolean found = false;
        while (i < end) {
            char low = pattern.charAt(i);
            if (i + 2 < end && pattern.charAt(i + 1) == '-') {
                char high = pattern.charAt(i + 2);
                found |= low <= x && x <= high;
                i += 3;
            } else {
                found |= low == x;
                i++;
            }
        }
        return found != negated;
    }
}
