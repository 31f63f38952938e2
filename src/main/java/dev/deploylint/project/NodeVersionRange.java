package dev.deploylint.project;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Judges a package.json {@code engines.node} value with node-semver's range grammar: sets of
 * comparators joined by {@code ||}, each comparator a partial version ({@code 22}, {@code 24.x},
 * {@code 22.5.1}, {@code *}) with an optional {@code <}, {@code <=}, {@code >}, {@code >=}, {@code =},
 * {@code ~} or {@code ^}, or a hyphen range {@code 20 - 22}. Like node-semver's loose mode it
 * accepts a leading {@code v} and spaces after an operator.
 */
public final class NodeVersionRange {

    /** What a range is: unparseable, bounded above in every alternative, or open-ended in one. */
    public enum Kind { INVALID, BOUNDED, WIDE }

    private static final String XR = "(?:[xX*]|0|[1-9][0-9]*)";
    private static final Pattern PARTIAL = Pattern.compile(
            "v?" + XR + "(?:\\." + XR + "(?:\\." + XR + "(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)?)?");
    private static final List<String> OPERATORS = List.of(">=", "<=", ">", "<", "=", "~>", "~", "^");

    private NodeVersionRange() {
    }

    public static Kind judge(String text) {
        boolean wide = false;
        for (String alternative : text.split("\\|\\|", -1)) {
            Kind kind = judgeSet(alternative.trim());
            if (kind == Kind.INVALID) {
                return Kind.INVALID;
            }
            wide |= kind == Kind.WIDE;
        }
        return wide ? Kind.WIDE : Kind.BOUNDED;
    }

    private static Kind judgeSet(String set) {
        if (set.isEmpty()) {
            return Kind.WIDE;
        }
        String[] hyphen = set.split("\\s+-\\s+", -1);
        if (hyphen.length == 2) {
            return isPartial(hyphen[0].trim()) && isPartial(hyphen[1].trim())
                    ? (isAny(hyphen[1].trim()) ? Kind.WIDE : Kind.BOUNDED) : Kind.INVALID;
        }
        if (hyphen.length > 2) {
            return Kind.INVALID;
        }
        // Join an operator with the version after it: ">= 20" is one comparator.
        String[] words = set.replaceAll("(>=|<=|~>|[<>=~^])\\s+", "$1").split("\\s+");
        boolean upper = false;
        for (String word : words) {
            String op = OPERATORS.stream().filter(word::startsWith).findFirst().orElse("");
            String version = word.substring(op.length());
            if (!isPartial(version)) {
                return Kind.INVALID;
            }
            // Every comparator but > and >= caps the range, unless its version is * or x.
            upper |= !op.startsWith(">") && !isAny(version);
        }
        return upper ? Kind.BOUNDED : Kind.WIDE;
    }

    private static boolean isPartial(String version) {
        return PARTIAL.matcher(version).matches();
    }

    /** True for {@code *}, {@code x} or {@code X} as the major: a partial that matches every version. */
    private static boolean isAny(String version) {
        String v = version.startsWith("v") ? version.substring(1) : version;
        return v.startsWith("*") || v.startsWith("x") || v.startsWith("X");
    }
}
