package dev.deploylint.report;

import dev.deploylint.lint.Finding;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.RuleMetadata;
import java.io.IOException;
import java.util.List;

/**
 * JUnit XML: one test suite per app and one test case per rule, passing ones included, so CI
 * dashboards show what was checked and not only what failed.
 */
public final class JunitReporter implements Reporter {

    @Override
    public void write(List<AppReport> apps, RuleCatalog catalog, Appendable out) throws IOException {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"deploylint\">\n");
        for (AppReport app : apps) {
            long failed = catalog.all().stream().filter(rule -> app.findings().stream().anyMatch(f -> f.ruleId().equals(rule.id()))).count();
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
                out.append(">\n      <failure message=\"").append(Xml.escape(findings.get(0).message()))
                        .append("\" type=\"").append(findings.get(0).severity().label()).append("\">")
                        .append(Xml.escape(details.toString())).append("</failure>\n    </testcase>\n");
            }
            out.append("  </testsuite>\n");
        }
        out.append("</testsuites>\n");
    }
}
