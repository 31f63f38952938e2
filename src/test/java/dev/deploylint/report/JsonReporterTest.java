package dev.deploylint.report;

import static dev.deploylint.report.TestData.app;
import static dev.deploylint.report.TestData.evidence;
import static dev.deploylint.report.TestData.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.deploylint.lint.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA = loadSchema();

    private static JsonSchema loadSchema() {
        try (InputStream in = JsonReporter.class.getResourceAsStream("findings.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(ReportOptions options, AppReport... apps) throws IOException {
        StringBuilder out = new StringBuilder();
        new JsonReporter(options).write(List.of(apps), TestData.catalog(), out);
        String text = out.toString();
        assertTrue(text.endsWith("}\n"), "final newline");
        JsonNode node = MAPPER.readTree(text);
        Set<ValidationMessage> errors = SCHEMA.validate(node);
        assertTrue(errors.isEmpty(), () -> errors + "\n" + text);
        return node;
    }

    @Test
    void writesFindingsWithRuleDataAndEvidence() throws IOException {
        JsonNode doc = json(TestData.PLAIN, app("fixtures/apps/x", List.of(
                finding("PF001", Severity.ERROR, "Procfile", 1, 6, "`myproject.wsgi` is not a module",
                        evidence("myproject/settings.py", 3, 1, "settings live here")),
                finding("PY002", Severity.NOTE, "runtime.txt", 1, 1, "Python 3.8 is end-of-life — upgrade")),
                Map.of()));
        assertEquals(1, doc.get("schemaVersion").asInt());
        assertEquals("deploylint", doc.at("/tool/name").asText());
        assertEquals("1.2.3", doc.at("/tool/version").asText());
        assertTrue(doc.get("executionSuccessful").asBoolean());
        assertEquals("fixtures/apps/x", doc.at("/apps/0/root").asText());

        JsonNode first = doc.at("/apps/0/findings/0");
        assertEquals("PF001", first.get("ruleId").asText());
        assertEquals("procfile-missing", first.get("ruleName").asText());
        assertEquals("procfile", first.get("category").asText());
        assertEquals("error", first.get("severity").asText());
        assertEquals("fixtures/apps/x/Procfile", first.get("path").asText());
        assertEquals(1, first.get("line").asInt());
        assertEquals(6, first.get("column").asInt());
        assertEquals("`myproject.wsgi` is not a module", first.get("message").asText());
        assertEquals("Add a `Procfile` with a `web:` process.", first.get("fix").asText());
        assertEquals("fixtures/apps/x/myproject/settings.py", first.at("/evidence/0/path").asText());
        assertEquals(3, first.at("/evidence/0/line").asInt());
        assertEquals(1, first.at("/evidence/0/column").asInt());
        assertEquals("settings live here", first.at("/evidence/0/message").asText());

        JsonNode second = doc.at("/apps/0/findings/1");
        assertEquals("note", second.get("severity").asText(), "the finding's severity, not the rule default");
        assertEquals("", second.get("fix").asText());
        assertEquals(0, second.get("evidence").size());
        assertEquals("Python 3.8 is end-of-life — upgrade", second.get("message").asText());

        assertEquals(1, doc.at("/summary/errors").asInt());
        assertEquals(0, doc.at("/summary/warnings").asInt());
        assertEquals(1, doc.at("/summary/notes").asInt());
    }

    @Test
    void eachAppRecordsItsDeployStyle() throws IOException {
        JsonNode node = json(TestData.PLAIN, app("web", List.of(), Map.of()).withDeployStyle(TestData.CONTAINER),
                app(".", List.of(), Map.of()));
        JsonNode deploy = node.at("/apps/0/deployStyle");
        assertEquals("container", deploy.get("style").asText());
        assertEquals("heroku.yml build.docker", deploy.get("reason").asText());
        assertEquals("web/heroku.yml", deploy.get("path").asText());
        assertEquals(2, deploy.get("line").asInt());
        assertEquals(3, deploy.get("column").asInt());
        assertFalse(node.at("/apps/1").has("deployStyle"), "unknown when the report was not built by linting");
    }

    @Test
    void emptyAndSeveralApps() throws IOException {
        JsonNode doc = json(new ReportOptions("0.1.0", false, false), app(".", List.of(), Map.of()),
                app("b", List.of(finding("PY002", Severity.WARNING, "runtime.txt", 1, 1, "old")), Map.of()));
        assertFalse(doc.get("executionSuccessful").asBoolean());
        assertEquals(2, doc.get("apps").size());
        assertEquals(0, doc.at("/apps/0/findings").size());
        assertEquals("b/runtime.txt", doc.at("/apps/1/findings/0/path").asText());
        assertEquals(1, doc.at("/summary/warnings").asInt());
    }

    @Test
    void suppressedFindingsAreListedApartAndNotCounted() throws IOException {
        AppReport withSuppressed = AppReport.of("a", List.of(
                finding("PF001", Severity.ERROR, "Procfile", 1, 1, "active"),
                finding("PY002", Severity.ERROR, "runtime.txt", 1, 1, "silenced").suppressedBecause("pinned on purpose")),
                TestData.lines(Map.of()));
        JsonNode doc = json(TestData.PLAIN, withSuppressed);
        assertEquals(1, doc.at("/apps/0/findings").size());
        assertEquals("PY002", doc.at("/apps/0/suppressed/0/ruleId").asText());
        assertEquals("a/runtime.txt", doc.at("/apps/0/suppressed/0/path").asText());
        assertEquals(1, doc.at("/summary/errors").asInt(), "a suppressed finding is not counted");
    }

    @Test
    void schemaRejectsWrongShapes() throws IOException {
        JsonNode doc = json(TestData.PLAIN, app(".", List.of(
                finding("PF001", Severity.ERROR, "Procfile", 1, 1, "x")), Map.of()));
        ((ObjectNode) doc.at("/apps/0/findings/0")).put("severity", "fatal");
        assertFalse(SCHEMA.validate(doc).isEmpty());
        ((ObjectNode) doc.at("/apps/0/findings/0")).put("severity", "error").put("line", 0);
        assertFalse(SCHEMA.validate(doc).isEmpty());
        ((ObjectNode) doc.at("/apps/0/findings/0")).put("line", 1).remove("fix");
        assertFalse(SCHEMA.validate(doc).isEmpty());
    }

    @Test
    void formatsAreFoundByName() {
        assertTrue(ReportFormat.parse(" SARIF ").reporter(TestData.PLAIN) instanceof SarifReporter);
        assertTrue(ReportFormat.parse("json").reporter(TestData.PLAIN) instanceof JsonReporter);
        assertTrue(ReportFormat.parse("compact").reporter(TestData.PLAIN) instanceof CompactReporter);
        assertTrue(ReportFormat.parse("text").reporter(TestData.PLAIN) instanceof TextReporter);
    }

    @Test
    void djangoAppsCarryTheSettingsModuleAndItsSource() throws IOException {
        JsonNode root = json(TestData.PLAIN,
                app("a", List.of(), Map.of(), TestData.settings("a.settings.production", "app.json env, app.json:4")),
                app("b", List.of(), Map.of(), TestData.NO_SETTINGS),
                app("c", List.of(), Map.of()));
        assertEquals("a.settings.production", root.at("/apps/0/settingsModule").asText());
        assertEquals("app.json env, app.json:4", root.at("/apps/0/settingsSource").asText());
        assertTrue(root.at("/apps/1/settingsModule").isNull());
        assertTrue(root.at("/apps/2/settingsModule").isMissingNode());
    }
}
