package dev.deploylint.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PEP 508 environment marker ({@code sys_platform == "win32" and python_version < "3"}), judged
 * for a Heroku dyno: Linux, CPython, on one of a set of Python minors. Three-valued: a marker that
 * names a variable deploylint cannot know (the machine architecture) or a Python the candidates
 * disagree on is {@link Verdict#UNKNOWN}, never a guess.
 */
public final class EnvironmentMarker {

    /** Whether pip installs the requirement on the dyno. */
    public enum Verdict { TRUE, FALSE, UNKNOWN }

    private final List<String> tokens;
    private int next;

    private EnvironmentMarker(List<String> tokens) {
        this.tokens = tokens;
    }

    /**
     * The verdict of {@code marker} on Linux for every Python minor in {@code pythons} ("3.12"): TRUE or
     * FALSE only when all agree. An empty marker is TRUE; an empty list of Pythons leaves Python-dependent
     * markers unknown; a marker that does not parse is UNKNOWN.
     */
    public static Verdict evaluate(String marker, List<String> pythons) {
        if (marker == null || marker.isBlank()) {
            return Verdict.TRUE;
        }
        Optional<List<String>> tokens = tokenize(marker);
        if (tokens.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        List<String> candidates = pythons.isEmpty() ? java.util.Collections.singletonList(null) : pythons;
        Verdict combined = null;
        for (String python : candidates) {
            EnvironmentMarker parser = new EnvironmentMarker(tokens.get());
            Verdict verdict;
            try {
                verdict = parser.or(python);
                if (parser.next != parser.tokens.size()) {
                    return Verdict.UNKNOWN;
                }
            } catch (IllegalArgumentException malformed) {
                return Verdict.UNKNOWN;
            }
            if (combined == null) {
                combined = verdict;
            } else if (combined != verdict) {
                return Verdict.UNKNOWN;
            }
        }
        return combined;
    }

    private Verdict or(String python) {
        Verdict result = and(python);
        while (peek("or")) {
            next++;
            Verdict right = and(python);
            result = result == Verdict.TRUE || right == Verdict.TRUE ? Verdict.TRUE
                    : result == Verdict.FALSE && right == Verdict.FALSE ? Verdict.FALSE : Verdict.UNKNOWN;
        }
        return result;
    }

    private Verdict and(String python) {
        Verdict result = atom(python);
        while (peek("and")) {
            next++;
            Verdict right = atom(python);
            result = result == Verdict.FALSE || right == Verdict.FALSE ? Verdict.FALSE
                    : result == Verdict.TRUE && right == Verdict.TRUE ? Verdict.TRUE : Verdict.UNKNOWN;
        }
        return result;
    }

    private Verdict atom(String python) {
        if (peek("(")) {
            next++;
            Verdict inner = or(python);
            expect(")");
            return inner;
        }
        String left = take();
        String op = take();
        if (op.equals("not")) {
            expect("in");
            op = "not in";
        }
        String right = take();
        return compare(value(left, python), op, value(right, python), isVersionVariable(left) || isVersionVariable(right));
    }

    /** A variable's value on the dyno, a literal's text, or null when unknown. */
    private static String value(String token, String python) {
        if (token.startsWith("\"") || token.startsWith("'")) {
            return token.substring(1, token.length() - 1);
        }
        return switch (token) {
            case "sys_platform" -> "linux";
            case "platform_system" -> "Linux";
            case "os_name" -> "posix";
            case "implementation_name" -> "cpython";
            case "platform_python_implementation" -> "CPython";
            case "python_version" -> python;
            default -> null;
        };
    }

    private static boolean isVersionVariable(String token) {
        return token.equals("python_version") || token.equals("python_full_version");
    }

    private static Verdict compare(String left, String op, String right, boolean versions) {
        if (left == null || right == null) {
            return Verdict.UNKNOWN;
        }
        if (op.equals("in") || op.equals("not in")) {
            boolean in = right.contains(left);
            return (in == op.equals("in")) ? Verdict.TRUE : Verdict.FALSE;
        }
        int order;
        if (versions) {
            Optional<Version> a = Version.parse(left);
            Optional<Version> b = Version.parse(right);
            if (a.isEmpty() || b.isEmpty()) {
                return Verdict.UNKNOWN;
            }
            order = a.get().compareTo(b.get());
        } else {
            if (!op.equals("==") && !op.equals("!=")) {
                return Verdict.UNKNOWN;
            }
            order = left.equals(right) ? 0 : 1;
        }
        boolean result = switch (op) {
            case "==", "===" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> throw new IllegalArgumentException(op);
        };
        return result ? Verdict.TRUE : Verdict.FALSE;
    }

    private boolean peek(String token) {
        return next < tokens.size() && tokens.get(next).equals(token);
    }

    private String take() {
        if (next >= tokens.size()) {
            throw new IllegalArgumentException("marker ends early");
        }
        return tokens.get(next++);
    }

    private void expect(String token) {
        if (!take().equals(token)) {
            throw new IllegalArgumentException("expected " + token);
        }
    }

    private static Optional<List<String>> tokenize(String marker) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < marker.length()) {
            char c = marker.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int close = marker.indexOf(c, i + 1);
                if (close < 0) {
                    return Optional.empty();
                }
                out.add(marker.substring(i, close + 1));
                i = close + 1;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else if ("<>=!~".indexOf(c) >= 0) {
                int end = i;
                while (end < marker.length() && "<>=!~".indexOf(marker.charAt(end)) >= 0) {
                    end++;
                }
                out.add(marker.substring(i, end));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                int end = i;
                while (end < marker.length() && (Character.isLetterOrDigit(marker.charAt(end)) || marker.charAt(end) == '_'
                        || marker.charAt(end) == '.')) {
                    end++;
                }
                out.add(marker.substring(i, end));
                i = end;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(out));
    }
}
