package dev.deploylint.report;

import dev.deploylint.lint.Finding;
import dev.deploylint.lint.RuleCatalog;
import java.io.IOException;
import java.util.List;

/**
 * One line per finding, {@code path:line:col: ID severity: message}, and nothing else: the format
 * of the fixtures' expected files, so it must never change shape.
 */
public final class CompactReporter implements Reporter {

    @Override
    public void write(List<AppReport> apps, RuleCatalog catalog, Appendable out) throws IOException {
        for (AppReport app : apps) {
            for (Finding finding : app.findings()) {
                out.append(line(app, finding)).append('\n');
            }
        }
    }

    /** The compact line of one finding, without a line break. */
    public static String line(AppReport app, Finding finding) {
        var location = finding.location();
        // Repository text is cleaned so that a file name or value can neither add a line nor reach the terminal raw.
        return Sanitizer.path(app.displayPath(location.path())) + ":" + location.line() + ":" + location.column() + ": "
                + finding.ruleId() + " " + finding.severity().label() + ": " + Sanitizer.clean(finding.message());
    }
}
