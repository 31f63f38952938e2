package dev.deploylint.report;

import dev.deploylint.lint.Finding;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...::message}), most severe first,
 * because GitHub shows only the first ten annotations of each level per step. {@link #summary}
 * renders the Markdown job summary the CLI appends to {@code $GITHUB_STEP_SUMMARY}.
 */
public final class GithubReporter implements Reporter {

    @Override
    public void write(List<AppReport> apps, RuleCatalog catalog, Appendable out) throws IOException {
        List<Annotation> annotations = new ArrayList<>();
        for (AppReport app : apps) {
            for (Finding finding : app.findings()) {
                annotations.add(new Annotation(app, finding));
            }
        }
        annotations.sort(Comparator.comparing((Annotation a) -> a.finding().severity()));
        for (Annotation annotation : annotations) {
            Finding finding = annotation.finding();
            String command = switch (finding.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            out.append("::").append(command)
                    .append(" file=").append(property(annotation.app().displayPath(finding.location().path())))
                    .append(",line=").append(String.valueOf(finding.location().line()))
                    .append(",col=").append(String.valueOf(finding.location().column()))
                    .append(",title=").append(property(finding.ruleId() + " " + catalog.get(finding.ruleId()).name()))
                    .append("::").append(data(finding.message())).append('\n');
        }
    }

    private record Annotation(AppReport app, Finding finding) {
    }

    /**
     * A Markdown summary: the verdict the exit code gives, the counts, then a table of every
     * finding, most severe first.
     */
    public static String summary(List<AppReport> apps, RuleCatalog catalog, ReportOptions options) {
        long errors = count(apps, Severity.ERROR);
        long warnings = count(apps, Severity.WARNING);
        long notes = count(apps, Severity.NOTE);
        long failing = apps.stream().mapToLong(app -> app.findings().stream().filter(f -> options.fails(app, f)).count()).sum();
        StringBuilder md = new StringBuilder("## deploylint\n\n");
        md.append(failing == 0 ? "**Passed**" : "**Failed**: " + plural(failing, "finding") + " at or above the fail-on level")
                .append("\n\n");
        md.append(plural(errors, "error")).append(", ").append(plural(warnings, "warning")).append(", ").append(plural(notes, "note"))
                .append(" in ").append(plural(apps.size(), "app")).append("\n\n");
        if (errors + warnings + notes == 0) {
            return md.toString();
        }
        md.append("| severity | rule | where | message |\n| --- | --- | --- | --- |\n");
        List<Annotation> rows = new ArrayList<>();
        for (AppReport app : apps) {
            for (Finding finding : app.findings()) {
                rows.add(new Annotation(app, finding));
            }
        }
        rows.sort(Comparator.comparing((Annotation a) -> a.finding().severity()));
        for (Annotation row : rows) {
            Finding finding = row.finding();
            md.append("| ").append(finding.severity().label())
                    .append(" | `").append(finding.ruleId()).append("` ").append(catalog.get(finding.ruleId()).name())
                    .append(" | ").append(Sanitizer.markdown(row.app().displayPath(finding.location().path()))).append(':')
                    .append(finding.location().line())
                    .append(" | ").append(Sanitizer.markdown(finding.message())).append(" |\n");
        }
        return md.toString();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static long count(List<AppReport> apps, Severity severity) {
        return apps.stream().flatMap(a -> a.findings().stream()).filter(f -> f.severity() == severity).count();
    }

    /** A workflow command's message: control characters cleaned, then {@code %}, CR and LF escaped as GitHub requires. */
    static String data(String text) {
        return Sanitizer.cleanKeepingLineBreaks(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
