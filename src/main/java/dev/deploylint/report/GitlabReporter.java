package dev.deploylint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.RuleCatalog;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitLab Code Quality JSON: an array of issues with a fingerprint that is unique per finding and
 * stable across pipelines (the same content hash as SARIF's partial fingerprint).
 */
public final class GitlabReporter implements Reporter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void write(List<AppReport> apps, RuleCatalog catalog, Appendable out) throws IOException {
        ArrayNode issues = MAPPER.createArrayNode();
        for (AppReport app : apps) {
            Map<String, Integer> seen = new HashMap<>();
            for (Finding finding : app.findings()) {
                ObjectNode issue = issues.addObject();
                issue.put("description", finding.message());
                issue.put("check_name", finding.ruleId() + " " + catalog.get(finding.ruleId()).name());
                String path = app.displayPath(finding.location().path());
                issue.put("fingerprint", SarifReporter.fingerprint(finding,
                        app.lines().line(finding.location().path(), finding.location().line()), seen) + ":" + path);
                issue.put("severity", switch (finding.severity()) {
                    case ERROR -> "critical";
                    case WARNING -> "minor";
                    case NOTE -> "info";
                });
                ObjectNode location = issue.putObject("location");
                location.put("path", path);
                location.putObject("lines").put("begin", finding.location().line());
            }
        }
        out.append(Json.pretty(MAPPER, issues));
    }
}
