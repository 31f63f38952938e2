package dev.deploylint.lint;

import dev.deploylint.project.Location;
import java.util.Comparator;
import java.util.List;

/**
 * One problem found in one app: the rule that found it, its effective severity, where it is and
 * what to do. {@code evidence} lists the other places the verdict depends on, in the order found.
 */
public record Finding(String ruleId, Severity severity, Location location, String message, List<Evidence> evidence) {

    /** Report order: by file, line, column, then rule id and message, so output is stable. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        evidence = List.copyOf(evidence);
    }
}
