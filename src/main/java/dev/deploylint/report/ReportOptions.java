package dev.deploylint.report;

import java.util.Objects;

/**
 * What reporters need to know about the run besides the findings: the tool version (from the jar),
 * whether the text report may use ANSI colours, and whether every rule ran on every file (false
 * when a rule crashed or a file could not be linted).
 */
public record ReportOptions(String toolVersion, boolean color, boolean executionSuccessful) {

    public ReportOptions {
        Objects.requireNonNull(toolVersion, "toolVersion");
    }
}
