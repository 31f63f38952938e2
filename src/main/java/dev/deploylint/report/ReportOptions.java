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
        Map<String, Optional<Severity>> failOnByApp, Text text) {

    /**
     * How the text report looks: the source line under each finding ({@code --no-show-source} turns
     * it off), the closing summary and verdict ({@code --quiet} leaves them out), or a count of
     * findings per rule instead of the findings ({@code --statistics}).
     */
    public record Text(boolean showSource, boolean quiet, boolean statistics) {
        public static final Text DEFAULT = new Text(true, false, false);
    }

    public ReportOptions {
        Objects.requireNonNull(toolVersion, "toolVersion");
        failOnByApp = Map.copyOf(failOnByApp);
        Objects.requireNonNull(text, "text");
    }

    /** Options for a run whose apps all fail on errors, the default, and the default text report. */
    public ReportOptions(String toolVersion, boolean color, boolean executionSuccessful) {
        this(toolVersion, color, executionSuccessful, Map.of(), Text.DEFAULT);
    }

    public ReportOptions(String toolVersion, boolean color, boolean executionSuccessful, Map<String, Optional<Severity>> failOnByApp) {
        this(toolVersion, color, executionSuccessful, failOnByApp, Text.DEFAULT);
    }

    /** True when {@code finding} of {@code app} makes the run fail. */
    public boolean fails(AppReport app, Finding finding) {
        return failOnByApp.getOrDefault(app.root(), Optional.of(Severity.ERROR))
                .map(threshold -> finding.severity().atLeast(threshold)).orElse(false);
    }
}
