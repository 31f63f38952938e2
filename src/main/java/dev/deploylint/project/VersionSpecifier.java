package dev.deploylint.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PEP 440 version specifier such as {@code >=3.2,<4.0}, {@code ~=6.1}, {@code ==4.2.*}: the
 * clauses a release must all satisfy. An empty specifier allows every release.
 */
public record VersionSpecifier(List<Clause> clauses) {

    /** One comparison; {@code prefix} is true for {@code ==X.*} and {@code !=X.*}. */
    public record Clause(String op, Version version, boolean prefix) {
    }

    private static final List<String> OPERATORS = List.of("===", "==", "!=", "~=", ">=", "<=", ">", "<");

    /** Parses {@code text}; empty when a clause is not understood. */
    public static Optional<VersionSpecifier> parse(String text) {
        List<Clause> clauses = new ArrayList<>();
        for (String raw : text.replace(" ", "").split(",")) {
            if (raw.isEmpty()) {
                continue;
            }
            String op = OPERATORS.stream().filter(raw::startsWith).findFirst().orElse(null);
            if (op == null) {
                return Optional.empty();
            }
            String rest = raw.substring(op.length());
            boolean prefix = rest.endsWith(".*") && (op.equals("==") || op.equals("!="));
            Optional<Version> version = Version.parse(prefix ? rest.substring(0, rest.length() - 2) : rest);
            if (version.isEmpty()) {
                return Optional.empty();
            }
            clauses.add(new Clause(op, version.get(), prefix));
        }
        return Optional.of(new VersionSpecifier(List.copyOf(clauses)));
    }

    /** True when every release this specifier allows is older than {@code limit} ({@code <1.0}, {@code ==0.13.*}, {@code ~=0.13}). */
    public boolean allBelow(Version limit) {
        for (Clause clause : clauses) {
            List<Integer> release = clause.version().release();
            boolean bounded = switch (clause.op()) {
                case "<" -> clause.version().compareTo(limit) <= 0;
                case "<=" -> clause.version().compareTo(limit) < 0;
                case "==", "===" -> clause.prefix() ? next(release).compareTo(limit) <= 0 : clause.version().compareTo(limit) < 0;
                case "~=" -> release.size() >= 2 && next(release.subList(0, release.size() - 1)).compareTo(limit) <= 0;
                default -> false;
            };
            if (bounded) {
                return true;
            }
        }
        return false;
    }

    /** The first release after every release starting with {@code prefix}: 0.13 gives 0.14. */
    private static Version next(List<Integer> prefix) {
        List<Integer> bumped = new ArrayList<>(prefix);
        bumped.set(bumped.size() - 1, bumped.get(bumped.size() - 1) + 1);
        return new Version(List.copyOf(bumped), 3, 0, -1);
    }

    public boolean allows(Version candidate) {
        return clauses.stream().allMatch(clause -> allows(clause, candidate));
    }

    private static boolean allows(Clause clause, Version candidate) {
        int c = candidate.compareTo(clause.version());
        switch (clause.op()) {
            case "==", "===" -> {
                return clause.prefix() ? startsWith(candidate, clause.version()) : c == 0;
            }
            case "!=" -> {
                return clause.prefix() ? !startsWith(candidate, clause.version()) : c != 0;
            }
            case ">=" -> {
                return c >= 0;
            }
            case "<=" -> {
                return c <= 0;
            }
            case ">" -> {
                return c > 0;
            }
            case "<" -> {
                return c < 0;
            }
            default -> {
                // ~=X.Y means >=X.Y and ==X.*; ~=X.Y.Z means >=X.Y.Z and ==X.Y.*
                List<Integer> release = clause.version().release();
                if (release.size() < 2) {
                    return false;
                }
                Version stem = new Version(release.subList(0, release.size() - 1), 3, 0, -1);
                return c >= 0 && startsWith(candidate, stem);
            }
        }
    }

    private static boolean startsWith(Version candidate, Version prefix) {
        for (int i = 0; i < prefix.release().size(); i++) {
            if (candidate.part(i) != prefix.release().get(i)) {
                return false;
            }
        }
        return true;
    }
}
