package dev.deploylint.lint;

import dev.deploylint.source.Location;

/** The sink a rule reports into; it stamps the rule id and, unless given, the rule's severity. */
public interface Findings {

    /** Reports at the rule's default severity. */
    default void report(Location location, String message, Evidence... evidence) {
        report(null, location, message, evidence);
    }

    /** Reports at {@code severity}, or at the rule's default severity when it is null. */
    void report(Severity severity, Location location, String message, Evidence... evidence);
}
