package dev.deploylint.report;

import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Severity;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What reporters need to know about the run besides the findings: the tool version (from the jar),
 * whether the text report may use ANSI colours, whether every rule ran on every file (false when a
 * rule crashed or a file could not be linted), and each app's fail-on level (empty: never fails),
 * so that reports with a verdict of their own (JUnit, the job summary) agree with the exit code.
 */
public record ReportOptions(String toolVersion, boolean color, boolean executionSuccessful,
        Map<String, Optional<Severity>> failOnByApp) {

    public ReportOptions {
        Objects.requireNonNull(toolVersion, "toolVersion");
        failOnByApp = Map.copyOf(failOnByApp);
    }

    /** Options for a run whose apps all fail on errors, the default. */
    public ReportOptions(String toolVersion, boolean color, boolean executionSuccessful) {
        this(toolVersion, color, executionSuccessful, Map.of());
    }

    /** True when {@code finding} of {@code app} makes the run fail. */
    public boolean fails(AppReport app, Finding finding) {
        return failOnByApp.getOrDefault(app.root(), Optional.of(Severity.ERROR))
                .map(threshold -> finding.severity().atLeast(threshold)).orElse(false);
    }
}
