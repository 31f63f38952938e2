package dev.deploylint.report;

import dev.deploylint.lint.Finding;
import dev.deploylint.project.DeployStyle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The findings of one app: {@code root} is the app folder as the user named it ({@code .},
 * {@code fixtures/apps/x} or an absolute path), {@code findings} are already in report order and
 * their paths are relative to the root, {@code lines} gives source text for snippets;
 * {@code suppressed} holds the findings inline comments silenced, which only the text summary
 * counts and SARIF lists (as suppressed results); {@code context} is what deploylint assumed
 * about the app (the settings module it evaluated), shown in the reports' per-app header, and
 * {@code deployStyle} the deploy style the rules were chosen for, empty when not known (reports
 * built without linting).
 */
public record AppReport(String root, List<Finding> findings, SourceLines lines, List<Finding> suppressed, AppContext context,
                        Optional<DeployStyle> deployStyle, List<Finding> known) {

    public AppReport {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(deployStyle, "deployStyle");
        findings = List.copyOf(findings);
        known = List.copyOf(known);
        suppressed = List.copyOf(suppressed);
    }

    /** An app with nothing said about its assumptions. */
    public AppReport(String root, List<Finding> findings, SourceLines lines, List<Finding> suppressed) {
        this(root, findings, lines, suppressed, AppContext.NONE, Optional.empty(), List.of());
    }

    /** The same report with the deploy style the app was linted as. */
    public AppReport withDeployStyle(DeployStyle style) {
        return new AppReport(root, findings, lines, suppressed, context, Optional.of(style), known);
    }

    /** An app whose findings are all active. */
    public AppReport(String root, List<Finding> findings, SourceLines lines) {
        this(root, findings, lines, List.of());
    }

    /** Splits an app's findings into active ones and those inline comments suppressed. */
    public static AppReport of(String root, List<Finding> all, SourceLines lines, AppContext context) {
        return new AppReport(root, all.stream().filter(f -> !f.suppressed()).toList(), lines,
                all.stream().filter(Finding::suppressed).toList(), context, Optional.empty(), List.of());
    }

    /** {@link #of(String, List, SourceLines, AppContext)} with nothing said about the app's assumptions. */
    public static AppReport of(String root, List<Finding> all, SourceLines lines) {
        return of(root, all, lines, AppContext.NONE);
    }

    /** The same app with other findings (a baseline hid some). */
    public AppReport withFindings(List<Finding> active) {
        return new AppReport(root, active, lines, suppressed, context, deployStyle, known);
    }

    /**
     * The same app after a baseline: {@code fresh} findings stay active, {@code known} ones are
     * kept apart, for SARIF's {@code baselineState: unchanged}; other formats leave them out.
     */
    public AppReport withBaseline(List<Finding> fresh, List<Finding> knownFindings) {
        return new AppReport(root, fresh, lines, suppressed, context, deployStyle, knownFindings);
    }

    /** {@code container (heroku.yml build.docker, web/heroku.yml:2:3)}: the style, and the deciding file as the user sees it. */
    static String describe(AppReport app, DeployStyle style) {
        if (style.reason().isEmpty()) {
            return style.kind().label();
        }
        return style.kind().label() + " (" + style.reason()
                + style.at().map(at -> ", " + app.displayPath(at.path()) + ":" + at.line() + ":" + at.column()).orElse("") + ")";
    }

    /**
     * The path a user should see for {@code path} (relative to the app root): the root joined with
     * it, without a leading {@code ./}, and just {@code path} when the root is the current folder.
     */
    public String displayPath(String path) {
        String base = normalisedRoot();
        if (base.isEmpty()) {
            return path;
        }
        return base.endsWith("/") || base.endsWith("\\") ? base + path : base + "/" + path;
    }

    /** True when the root is an absolute path (POSIX, Windows drive or UNC). */
    public boolean rootIsAbsolute() {
        return root.startsWith("/") || root.startsWith("\\\\") || root.matches("^[A-Za-z]:[/\\\\].*");
    }

    /**
     * The root without {@code ./} prefixes and trailing separators (except a lone {@code /});
     * empty for the current folder.
     */
    String normalisedRoot() {
        String base = root;
        while (base.startsWith("./") || base.startsWith(".\\")) {
            base = base.substring(2);
        }
        while (base.length() > 1 && (base.endsWith("/") || base.endsWith("\\"))
                && !base.matches("^[A-Za-z]:[/\\\\]$")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.equals(".") ? "" : base;
    }
}
