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
