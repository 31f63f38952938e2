package dev.deploylint.lint;

import dev.deploylint.project.Location;
import java.util.List;

/** The sink a rule reports into; it stamps the rule id and, unless given, the rule's severity. */
public interface Findings {

    /** Reports at the rule's default severity. */
    default void report(Location location, String message, Evidence... evidence) {
        report(null, location, message, evidence);
    }

    /** Reports at {@code severity}, or at the rule's default severity when it is null. */
    void report(Severity severity, Location location, String message, Evidence... evidence);

    /** A sink that collects into {@code into} for the rule {@code metadata}. */
    static Findings collecting(RuleMetadata metadata, List<Finding> into) {
        return (severity, location, message, evidence) -> into.add(new Finding(
                metadata.id(),
                severity == null ? metadata.severity() : severity,
                location,
                message,
                List.of(evidence)));
    }
}
