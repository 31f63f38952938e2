package dev.deploylint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.deploylint.lint.Linter;
import dev.deploylint.project.Project;
import dev.deploylint.report.AppReport;
import dev.deploylint.report.ReportOptions;
import dev.deploylint.report.SarifReporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every rule on every fixture app and compares the full list of findings with the sibling
 * expected file. Run with {@code -Ddeploylint.updateExpected=true} to rewrite the expected files;
 * {@code git diff} is then the review.
 */
class FixtureTest {

    private static final boolean UPDATE = Boolean.getBoolean("deploylint.updateExpected");
    private static final JsonSchema SARIF_SCHEMA = sarifSchema();

    static List<String> apps() {
        return Fixtures.apps();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void findingsMatchExpectedFile(String app) throws IOException {
        Linter.LintResult result = Fixtures.lint(app);
        assertTrue(result.failures().isEmpty(), () -> "rules crashed: " + result.failures());
        String actual = Fixtures.compact(result);
        Path expectedFile = Fixtures.ROOT.resolve(app + ".expected");
        if (UPDATE) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, "findings of fixtures/" + app);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void sarifValidatesAgainstTheSchema(String app) throws IOException {
        Linter.LintResult result = Fixtures.lint(app);
        Project project = result.project();
        AppReport report = AppReport.of("fixtures/" + app, result.findings(),
                (path, line) -> project.text(path).filter(f -> line <= f.lineCount()).map(f -> f.line(line)));
        StringBuilder sarif = new StringBuilder();
        new SarifReporter(new ReportOptions("test", false, true)).write(List.of(report), Fixtures.CATALOG, sarif);
        JsonNode log = new ObjectMapper().readTree(sarif.toString());
        Set<ValidationMessage> errors = SARIF_SCHEMA.validate(log);
        assertTrue(errors.isEmpty(), () -> "SARIF of " + app + " is invalid: " + errors);
        JsonNode rules = log.at("/runs/0/tool/driver/rules");
        for (JsonNode finding : log.at("/runs/0/results")) {
            assertEquals(finding.get("ruleId").asText(), rules.get(finding.get("ruleIndex").asInt()).get("id").asText());
            assertTrue(finding.has("level"));
        }
        assertEquals(result.findings().size(), log.at("/runs/0/results").size());
    }

    private static JsonSchema sarifSchema() {
        try (InputStream in = FixtureTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
