package dev.deploylint.report;

import dev.deploylint.lint.Finding;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.RuleMetadata;
import java.io.IOException;
import java.util.List;

/**
 * JUnit XML: one test suite per app and one test case per rule, passing ones included, so CI
 * dashboards show what was checked and not only what failed. A rule fails its test case only with
 * a finding at or above the app's fail-on level, so the test report agrees with the exit code;
 * findings below it are listed in the passing case's output.
 */
public final class JunitReporter implements Reporter {

    private final ReportOptions options;

    public JunitReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(List<AppReport> apps, RuleCatalog catalog, Appendable out) throws IOException {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"deploylint\">\n");
        for (AppReport app : apps) {
            long failed = catalog.all().stream()
                    .filter(rule -> app.findings().stream().anyMatch(f -> f.ruleId().equals(rule.id()) && options.fails(app, f))).count();
            out.append("  <testsuite name=\"").append(Xml.escape(app.root())).append("\" tests=\"").append(String.valueOf(catalog.all().size()))
                    .append("\" failures=\"").append(String.valueOf(failed)).append("\" errors=\"0\" skipped=\"0\">\n");
            for (RuleMetadata rule : catalog.all()) {
                List<Finding> findings = app.findings().stream().filter(f -> f.ruleId().equals(rule.id())).toList();
                out.append("    <testcase classname=\"").append(rule.id()).append("\" name=\"")
                        .append(Xml.escape(rule.id() + " " + rule.name())).append("\"");
                if (findings.isEmpty()) {
                    out.append("/>\n");
                    continue;
                }
                StringBuilder details = new StringBuilder();
                for (Finding finding : findings) {
                    details.append(CompactReporter.line(app, finding)).append('\n');
                }
                List<Finding> failing = findings.stream().filter(f -> options.fails(app, f)).toList();
                if (failing.isEmpty()) {
                    out.append(">\n      <system-out>").append(Xml.escape(details.toString())).append("</system-out>\n    </testcase>\n");
                    continue;
                }
                out.append(">\n      <failure message=\"").append(Xml.escape(failing.get(0).message()))
                        .append("\" type=\"").append(failing.get(0).severity().label()).append("\">")
                        .append(Xml.escape(details.toString())).append("</failure>\n    </testcase>\n");
            }
            out.append("  </testsuite>\n");
        }
        out.append("</testsuites>\n");
    }
}
