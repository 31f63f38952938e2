package dev.deploylint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.deploylint.cli.InstallHookTest.Result;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SARIF for GitHub code scanning from a 25-app repository, with deploylint started in a subfolder
 * (a real process with its own working folder): one run, URIs relative to the repository's top
 * level, a category from the linted path, and a log that passes the SARIF schema.
 */
class SarifMonorepoTest {

    static final int APPS = 25;

    @TempDir
    Path dir;

    @Test
    void oneRunWithRepositoryRelativeUrisFromASubfolder() throws Exception {
        Path repo = dir.resolve("repo");
        Path services = Files.createDirectories(repo.resolve("services"));
        assertEquals(0, InstallHookTest.git(repo, "init", "-q").code());
        for (int i = 1; i <= APPS; i++) {
            Path app = Files.createDirectories(services.resolve(String.format("app%02d", i)));
            InstallHookTest.writeApp(app, "3.9\n"); // an error (PY002) in every app
        }
        Path subfolder = Files.createDirectories(repo.resolve("docs"));
        Path sarif = dir.resolve("deploylint.sarif");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result run = InstallHookTest.run(subfolder, List.of(java, "-cp", System.getProperty("java.class.path"), "dev.deploylint.cli.Main",
                "--format", "sarif:" + sarif, "../services"));
        assertEquals(ExitCode.FINDINGS, run.code(), run.output());

        String text = Files.readString(sarif);
        JsonNode log = new ObjectMapper().readTree(text);
        Set<ValidationMessage> errors = schema().validate(log);
        assertTrue(errors.isEmpty(), errors::toString);
        assertEquals(1, log.get("runs").size(), "one run for the invocation (GitHub accepts at most 20)");
        JsonNode results = log.at("/runs/0/results");
        Set<String> uris = new HashSet<>();
        for (JsonNode result : results) {
            JsonNode artifact = result.at("/locations/0/physicalLocation/artifactLocation");
            assertEquals("%SRCROOT%", artifact.get("uriBaseId").asText());
            uris.add(artifact.get("uri").asText());
        }
        assertTrue(uris.contains("services/app01/.python-version") && uris.contains("services/app25/.python-version"), uris.toString());
        assertTrue(uris.stream().allMatch(uri -> uri.startsWith("services/app")), uris.toString());
        assertEquals("deploylint/services/", log.at("/runs/0/automationDetails/id").asText());
        assertEquals(APPS, log.at("/runs/0/properties/apps").size());
        System.out.printf("SARIF for %d apps: %d bytes in one run%n", APPS, text.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(text.length() < 1_500_000, "one rule catalogue, not one per app: " + text.length() + " bytes");
    }

    private static JsonSchema schema() throws Exception {
        try (InputStream in = SarifMonorepoTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
    }
}
