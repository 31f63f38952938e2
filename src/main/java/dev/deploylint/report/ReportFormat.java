package dev.deploylint.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** The output formats a user can choose, by their lower-case name. */
public enum ReportFormat {
    TEXT(TextReporter::new),
    COMPACT(options -> new CompactReporter()),
    JSON(JsonReporter::new),
    SARIF(SarifReporter::new),
    GITHUB(options -> new GithubReporter()),
    GITLAB(options -> new GitlabReporter()),
    CHECKSTYLE(options -> new CheckstyleReporter()),
    JUNIT(JunitReporter::new);

    private final Function<ReportOptions, Reporter> factory;

    ReportFormat(Function<ReportOptions, Reporter> factory) {
        this.factory = factory;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Reporter reporter(ReportOptions options) {
        return factory.apply(options);
    }

    public static ReportFormat parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.label().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format: " + text
                        + " (expected one of text, compact, json, sarif, github, gitlab, checkstyle, junit)"));
    }
}
