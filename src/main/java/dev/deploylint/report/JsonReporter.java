package dev.deploylint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Fix;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.RuleMetadata;
import dev.deploylint.lint.Severity;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * deploylint's own JSON, described by {@code findings.schema.json} beside this class and by
 * docs/json-format.md. Additive changes keep {@link #SCHEMA_VERSION}; breaking ones bump it.
 */
public final class JsonReporter implements Reporter {

    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ReportOptions options;

    public JsonReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(List<AppReport> apps, RuleCatalog catalog, Appendable out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.putObject("tool").put("name", "deploylint").put("version", options.toolVersion());
        root.put("executionSuccessful", options.executionSuccessful());
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        ArrayNode appNodes = root.putArray("apps");
        for (AppReport app : apps) {
            ObjectNode appNode = appNodes.addObject();
            appNode.put("root", app.root());
            app.deployStyle().ifPresent(style -> {
                ObjectNode deploy = appNode.putObject("deployStyle").put("style", style.kind().label()).put("reason", style.reason());
                style.at().ifPresent(at -> putLocation(deploy, app, at));
            });
            if (!app.context().isEmpty()) {
                appNode.put("settingsModule", app.context().settingsModule().orElse(null));
                appNode.put("settingsSource", app.context().settingsSource().orElse(null));
            }
            ArrayNode findings = appNode.putArray("findings");
            for (Finding finding : app.findings()) {
                counts.merge(finding.severity(), 1, Integer::sum);
                findings.add(finding(app, catalog.get(finding.ruleId()), finding));
            }
            ArrayNode suppressed = appNode.putArray("suppressed");
            for (Finding finding : app.suppressed()) {
                suppressed.add(finding(app, catalog.get(finding.ruleId()), finding));
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", counts.getOrDefault(Severity.ERROR, 0));
        summary.put("warnings", counts.getOrDefault(Severity.WARNING, 0));
        summary.put("notes", counts.getOrDefault(Severity.NOTE, 0));
        out.append(Json.pretty(MAPPER, root));
    }

    private static ObjectNode finding(AppReport app, RuleMetadata rule, Finding finding) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ruleId", finding.ruleId());
        node.put("ruleName", rule.name());
        node.put("category", rule.category().label());
        node.put("severity", finding.severity().label());
        putLocation(node, app, finding.location());
        node.put("message", finding.message());
        node.put("fix", rule.fixHint());
        if (finding.fixable()) {
            node.set("autofix", autofix(app, rule, finding.fix()));
        }
        ArrayNode evidence = node.putArray("evidence");
        for (Evidence item : finding.evidence()) {
            ObjectNode itemNode = evidence.addObject();
            putLocation(itemNode, app, item.location());
            itemNode.put("message", item.message());
        }
        return node;
    }

    /** The finding's fix: applicability, description and each edit, paths shown like the finding's. */
    private static ObjectNode autofix(AppReport app, RuleMetadata rule, Fix fix) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("applicability", rule.fix().label());
        node.put("description", fix.description());
        ArrayNode edits = node.putArray("edits");
        for (Fix.Edit edit : fix.edits()) {
            ObjectNode item = edits.addObject();
            item.put("path", app.displayPath(edit.path()));
            if (edit instanceof Fix.Replace replace) {
                item.put("kind", "replace");
                item.putObject("start").put("line", replace.start().line()).put("column", replace.start().column());
                item.putObject("end").put("line", replace.end().line()).put("column", replace.end().column());
                item.put("replacement", replace.replacement());
            } else if (edit instanceof Fix.Create create) {
                item.put("kind", "create");
                item.put("content", create.content());
            } else if (edit instanceof Fix.Rename rename) {
                item.put("kind", "rename");
                item.put("to", app.displayPath(rename.to()));
            } else if (edit instanceof Fix.Delete) {
                item.put("kind", "delete");
            } else {
                item.put("kind", "drop-byte-order-mark");
            }
        }
        return node;
    }

    private static void putLocation(ObjectNode node, AppReport app, dev.deploylint.source.Location location) {
        node.put("path", app.displayPath(location.path()));
        node.put("line", location.line());
        node.put("column", location.column());
    }
}
