package dev.deploylint.report;

import dev.deploylint.lint.Finding;
import dev.deploylint.lint.RuleCatalog;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checkstyle XML, read by Jenkins warnings-ng, reviewdog and many CI systems: one {@code <file>} per file. */
public final class CheckstyleReporter implements Reporter {

    @Override
    public void write(List<AppReport> apps, RuleCatalog catalog, Appendable out) throws IOException {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
        for (AppReport app : apps) {
            Map<String, StringBuilder> files = new LinkedHashMap<>();
            for (Finding finding : app.findings()) {
                String severity = switch (finding.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case NOTE -> "info";
                };
                files.computeIfAbsent(app.displayPath(finding.location().path()), path -> new StringBuilder())
                        .append("    <error line=\"").append(String.valueOf(finding.location().line()))
                        .append("\" column=\"").append(String.valueOf(finding.location().column()))
                        .append("\" severity=\"").append(severity)
                        .append("\" message=\"").append(Xml.escape(finding.message()))
                        .append("\" source=\"deploylint.").append(finding.ruleId()).append("\"/>\n");
            }
            for (Map.Entry<String, StringBuilder> file : files.entrySet()) {
                out.append("  <file name=\"").append(Xml.escape(file.getKey())).append("\">\n")
                        .append(file.getValue()).append("  </file>\n");
            }
        }
        out.append("</checkstyle>\n");
    }
}
