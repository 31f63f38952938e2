package dev.deploylint.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A release version in the common PEP 440 shape ({@code 1.9.4}, {@code 4.0rc1}, {@code 2.0.post1}),
 * comparable by release numbers, then pre-release, then post-release. Local labels and epochs are
 * dropped; anything else does not parse.
 */
public record Version(List<Integer> release, int preRank, int preNumber, int post) implements Comparable<Version> {

    private static final int FINAL = 3;

    public static Optional<Version> parse(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("v")) {
            s = s.substring(1);
        }
        int bang = s.indexOf('!');
        if (bang >= 0) {
            s = s.substring(bang + 1);
        }
        int plus = s.indexOf('+');
        if (plus >= 0) {
            s = s.substring(0, plus);
        }
        int i = 0;
        List<Integer> release = new ArrayList<>();
        while (true) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 9) {
                return Optional.empty();
            }
            release.add(Integer.parseInt(s.substring(start, i)));
            if (i < s.length() && s.charAt(i) == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                i++;
                continue;
            }
            break;
        }
        int preRank = FINAL;
        int preNumber = 0;
        int post = -1;
        String rest = s.substring(i).replace("-", ".").replace("_", ".");
        if (rest.startsWith(".")) {
            rest = rest.substring(1);
        }
        for (String[] tag : new String[][] {{"rc", "2"}, {"c", "2"}, {"b", "1"}, {"a", "0"}, {"alpha", "0"}, {"beta", "1"}}) {
            if (rest.startsWith(tag[0]) && (rest.length() == tag[0].length() || Character.isDigit(rest.charAt(tag[0].length())) || rest.charAt(tag[0].length()) == '.')) {
                preRank = Integer.parseInt(tag[1]);
                rest = rest.substring(tag[0].length()).replaceFirst("^\\.", "");
                String digits = leadingDigits(rest);
                preNumber = digits.isEmpty() ? 0 : Integer.parseInt(digits);
                rest = rest.substring(digits.length()).replaceFirst("^\\.", "");
                break;
            }
        }
        if (rest.startsWith("post")) {
            rest = rest.substring(4).replaceFirst("^\\.", "");
            String digits = leadingDigits(rest);
            post = digits.isEmpty() ? 0 : Integer.parseInt(digits);
            rest = rest.substring(digits.length());
        }
        if (rest.startsWith("dev")) {
            preRank = -1;
            rest = rest.substring(3).replaceFirst("^\\d+", "");
        }
        return rest.isEmpty() ? Optional.of(new Version(List.copyOf(release), preRank, preNumber, post)) : Optional.empty();
    }

    private static String leadingDigits(String s) {
        int i = 0;
        while (i < s.length() && i < 9 && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }

    /** The i-th release number, 0 when the version has fewer parts. */
    public int part(int i) {
        return i < release.size() ? release.get(i) : 0;
    }

    public boolean isAtLeast(String other) {
        return compareTo(parse(other).orElseThrow()) >= 0;
    }

    public boolean isBelow(String other) {
        return compareTo(parse(other).orElseThrow()) < 0;
    }

    @Override
    public int compareTo(Version other) {
        int length = Math.max(release.size(), other.release.size());
        for (int i = 0; i < length; i++) {
            int c = Integer.compare(part(i), other.part(i));
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(preRank, other.preRank);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preNumber, other.preNumber);
        return c != 0 ? c : Integer.compare(post, other.post);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < release.size(); i++) {
            text.append(i == 0 ? "" : ".").append(release.get(i));
        }
        if (preRank >= 0 && preRank < FINAL) {
            text.append(new String[] {"a", "b", "rc"}[preRank]).append(preNumber);
        }
        if (post >= 0) {
            text.append(".post").append(post);
        }
        if (preRank < 0) {
            text.append(".dev");
        }
        return text.toString();
    }
}
