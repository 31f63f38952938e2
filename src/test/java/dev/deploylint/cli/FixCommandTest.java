package dev.deploylint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.deploylint.Fixtures;
import dev.deploylint.lint.Finding;
import dev.deploylint.project.Project;
import dev.deploylint.report.JsonReporter;
import dev.deploylint.rules.data.PythonVersionTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploylint fix}, {@code check --fix} and {@code --diff} end to end, and the fixes in JSON and SARIF. */
class FixCommandTest {

    @TempDir
    Path temp;

    private Path copy(String fixture) throws IOException {
        Path app = temp.resolve("app");
        FixThenCheckTest.copyTree(Fixtures.ROOT.resolve(fixture), app);
        return app;
    }

    private static String procfile(Path app) throws IOException {
        return Files.readString(app.resolve("Procfile"), StandardCharsets.UTF_8);
    }

    @Test
    void diffPrintsTheChangeWritesNothingAndExitsOneWhenSomethingIsFixable() throws IOException {
        Path app = copy("PF013/fails-log-file-dash");
        String before = procfile(app);
        Cli.Run diff = Cli.run("fix", "--diff", app.toString());
        assertEquals(1, diff.exitCode(), diff.err());
        assertTrue(diff.out().contains("-web: gunicorn mysite.wsgi --log-file -\n+web: gunicorn mysite.wsgi\n"), diff.out());
        assertEquals(before, procfile(app), "--diff writes nothing");

        Cli.Run fix = Cli.run("fix", "--color", "never", app.toString());
        assertTrue(fix.err().contains("fixed PF013 at"), fix.err());
        assertTrue(fix.err().contains("fixed 1 finding in 1 file"), fix.err());
        assertEquals(before.replace(" --log-file -", ""), procfile(app));
        assertFalse(fix.out().contains("PF013"), "the report lists what remains: " + fix.out());

        Cli.Run again = Cli.run("fix", "--diff", app.toString());
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertEquals("", again.out());
    }

    @Test
    void checkFixIsFixAndIgnoreKeepsARuleUnfixed() throws IOException {
        Path app = copy("PF013/fails-log-file-dash");
        String before = procfile(app);
        Cli.run("check", "--fix", "--ignore", "PF013", app.toString());
        assertEquals(before, procfile(app), "--ignore applies to fixes");
        Cli.run("check", "--fix", "--select", "PF", app.toString());
        assertEquals(before.replace(" --log-file -", ""), procfile(app));
    }

    @Test
    void textOutputMarksFixableFindingsAndCountsThem() throws IOException {
        Cli.Run check = Cli.run("check", "--color", "never", Fixtures.ROOT.resolve("PF013/fails-log-file-dash").toString());
        assertTrue(check.out().contains("[*] fixable with `deploylint fix`: removed `--log-file -`"), check.out());
        assertTrue(check.out().contains("[*] 1 fixable with `deploylint fix`\n"), check.out());
    }

    @Test
    void aFileChangedSinceItWasReadIsRefused() throws IOException {
        Path app = copy("PF013/fails-log-file-dash");
        List<Finding> findings = Fixtures.LINTER.lint(Project.open(app, PythonVersionTable.get().defaultStack())).findings();
        Files.writeString(app.resolve("Procfile"), procfile(app) + "worker: celery -A mysite worker\n");
        Fixer.Plan plan = Fixer.plan(app, findings);
        assertTrue(plan.isEmpty());
        assertEquals(1, plan.refused().size());
        assertTrue(plan.refused().get(0).reason().contains("Procfile changed since deploylint read it"), plan.refused().get(0).reason());
    }

    @Test
    void aProcfileThatIsASymbolicLinkIsNotWrittenThrough() throws IOException {
        Path app = copy("PF013/fails-log-file-dash");
        Files.move(app.resolve("Procfile"), app.resolve("Procfile.real"));
        Files.createSymbolicLink(app.resolve("Procfile"), Path.of("Procfile.real"));
        String before = Files.readString(app.resolve("Procfile.real"));
        Cli.Run fix = Cli.run("fix", app.toString());
        assertTrue(fix.err().contains("not fixed: PF013") && fix.err().contains("symbolic link"), fix.err());
        assertEquals(before, Files.readString(app.resolve("Procfile.real")));
        assertTrue(Files.isSymbolicLink(app.resolve("Procfile")));
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Path app = copy("DJ008/fails-daphne-without-proxy-header");
        Path settings = app.resolve("mysite/settings.py");
        String text = Files.readString(settings);
        Files.write(settings, ("# -*- coding: latin-1 -*-\n# caf\u00e9\n" + text).getBytes(StandardCharsets.ISO_8859_1));
        Cli.Run fix = Cli.run("fix", app.toString());
        assertTrue(fix.err().contains("not fixed: DJ008") && fix.err().contains("is not UTF-8"), fix.err());
    }

    @Test
    void pythonEditsKeepTheByteOrderMarkAndCrlfLineEnds() throws IOException {
        Path app = copy("DJ008/fails-daphne-without-proxy-header");
        Path settings = app.resolve("mysite/settings.py");
        String crlf = Files.readString(settings).replace("\n", "\r\n");
        Files.write(settings, ("\uFEFF" + crlf).getBytes(StandardCharsets.UTF_8));
        Cli.run("fix", app.toString());
        byte[] bytes = Files.readAllBytes(settings);
        assertEquals((byte) 0xEF, bytes[0], "the byte-order mark is kept");
        String after = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(after.contains("SECURE_PROXY_SSL_HEADER = (\"HTTP_X_FORWARDED_PROTO\", \"https\")\r\nSECURE_SSL_REDIRECT = True\r\n"), after);
        assertFalse(after.replace("\r\n", "").contains("\n"), "every line still ends with CRLF");
    }

    @Test
    void jsonAndSarifCarryTheSameEdit() throws IOException {
        String app = Fixtures.ROOT.resolve("DJ008/fails-daphne-without-proxy-header").toString();
        JsonNode json = new ObjectMapper().readTree(Cli.run("check", "--format", "json", app).out());
        try (InputStream in = JsonReporter.class.getResourceAsStream("findings.schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            assertEquals(java.util.Set.of(), schema.validate(json));
        }
        JsonNode finding = null;
        for (JsonNode candidate : json.at("/apps/0/findings")) {
            if (candidate.get("ruleId").asText().equals("DJ008")) {
                finding = candidate;
            }
        }
        assertTrue(finding != null && finding.has("autofix"), json.toPrettyString());
        JsonNode edit = finding.at("/autofix/edits/0");
        assertEquals("safe", finding.at("/autofix/applicability").asText());
        assertEquals("replace", edit.get("kind").asText());
        String inserted = edit.get("replacement").asText();
        assertTrue(inserted.startsWith("SECURE_PROXY_SSL_HEADER = "), inserted);

        JsonNode sarif = new ObjectMapper().readTree(Cli.run("check", "--format", "sarif", app).out());
        try (InputStream in = FixCommandTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            assertEquals(java.util.Set.of(), schema.validate(sarif));
        }
        JsonNode result = null;
        for (JsonNode candidate : sarif.at("/runs/0/results")) {
            if (candidate.get("ruleId").asText().equals("DJ008")) {
                result = candidate;
            }
        }
        JsonNode replacement = result.at("/fixes/0/artifactChanges/0/replacements/0");
        assertEquals(inserted, replacement.at("/insertedContent/text").asText());
        assertEquals(edit.at("/start/line").asInt(), replacement.at("/deletedRegion/startLine").asInt());
        assertEquals(edit.at("/end/column").asInt(), replacement.at("/deletedRegion/endColumn").asInt());
        assertTrue(result.at("/fixes/0/artifactChanges/0/artifactLocation/uri").asText().endsWith("mysite/settings.py"));
    }
}
