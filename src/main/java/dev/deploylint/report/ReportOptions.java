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
        Map<String, Optional<Severity>> failOnByApp, Text text, Sarif sarif) {

    /**
     * How the text report looks: the source line under each finding ({@code --no-show-source} turns
     * it off), the closing summary and verdict ({@code --quiet} leaves them out), or a count of
     * findings per rule instead of the findings ({@code --statistics}).
     */
    public record Text(boolean showSource, boolean quiet, boolean statistics) {
        public static final Text DEFAULT = new Text(true, false, false);
    }

    /**
     * How SARIF is laid out for code scanning. {@code sourceRoot}: the absolute folder URIs are
     * relative to ({@code %SRCROOT%}, the git top level of the linted paths), empty to keep paths as
     * the user typed them. {@code category}: the stable, per-invocation part of
     * {@code automationDetails.id}. {@code runPerApp}: one run per app instead of one run for the
     * invocation (GitHub accepts at most 20 runs per upload). {@code baseline}: a baseline was
     * applied, so every result carries a {@code baselineState}.
     */
    public record Sarif(Optional<String> sourceRoot, String category, boolean runPerApp, boolean baseline) {
        public static final Sarif DEFAULT = new Sarif(Optional.empty(), "", false, false);
    }

    public ReportOptions {
        Objects.requireNonNull(toolVersion, "toolVersion");
        failOnByApp = Map.copyOf(failOnByApp);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sarif, "sarif");
    }

    /** Options for a run whose apps all fail on errors, the default, and the default text report. */
    public ReportOptions(String toolVersion, boolean color, boolean executionSuccessful) {
        this(toolVersion, color, executionSuccessful, Map.of(), Text.DEFAULT, Sarif.DEFAULT);
    }

    public ReportOptions(String toolVersion, boolean color, boolean executionSuccessful, Map<String, Optional<Severity>> failOnByApp) {
        this(toolVersion, color, executionSuccessful, failOnByApp, Text.DEFAULT, Sarif.DEFAULT);
    }

    /** True when {@code finding} of {@code app} makes the run fail. */
    public boolean fails(AppReport app, Finding finding) {
        return failOnByApp.getOrDefault(app.root(), Optional.of(Severity.ERROR))
                .map(threshold -> finding.severity().atLeast(threshold)).orElse(false);
    }
}
