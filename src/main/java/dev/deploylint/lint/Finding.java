package dev.deploylint.lint;

import dev.deploylint.source.Location;
import java.util.Comparator;
import java.util.List;

/**
 * One problem found in one app: the rule that found it, its effective severity, where it is and
 * what to do. {@code evidence} lists the other places the verdict depends on, in the order found.
 * {@code suppression} is the reason an inline {@code # deploylint: ignore[ID] reason} comment
 * gives, or null for a finding that counts. {@code fix} is the change that removes it, or null.
 */
public record Finding(String ruleId, Severity severity, Location location, String message, List<Evidence> evidence,
                      String suppression, Fix fix) {

    /** Report order: by file, line, column, then rule id and message, so output is stable. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        evidence = List.copyOf(evidence);
    }

    /** An active (not suppressed) finding. */
    public Finding(String ruleId, Severity severity, Location location, String message, List<Evidence> evidence) {
        this(ruleId, severity, location, message, evidence, null, null);
    }

    /** An active finding with a fix (null: none). */
    public Finding(String ruleId, Severity severity, Location location, String message, List<Evidence> evidence, Fix fix) {
        this(ruleId, severity, location, message, evidence, null, fix);
    }

    public boolean fixable() {
        return fix != null;
    }

    public boolean suppressed() {
        return suppression != null;
    }

    public Finding withSeverity(Severity changed) {
        return new Finding(ruleId, changed, location, message, evidence, suppression, fix);
    }

    public Finding suppressedBecause(String reason) {
        return new Finding(ruleId, severity, location, message, evidence, reason, fix);
    }
}
