package dev.deploylint.lint;

import dev.deploylint.source.Location;

/** The sink a rule reports into; it stamps the rule id and, unless given, the rule's severity. */
public interface Findings {

    /** Reports at the rule's default severity. */
    default void report(Location location, String message, Evidence... evidence) {
        report(null, location, message, null, evidence);
    }

    /** Reports at {@code severity}, or at the rule's default severity when it is null. */
    default void report(Severity severity, Location location, String message, Evidence... evidence) {
        report(severity, location, message, null, evidence);
    }

    /** Reports at the rule's default severity with a fix (null: none). */
    default void report(Location location, String message, Fix fix, Evidence... evidence) {
        report(null, location, message, fix, evidence);
    }

    /** Reports at {@code severity} (null: the rule's default) with a fix (null: none). */
    void report(Severity severity, Location location, String message, Fix fix, Evidence... evidence);
}
