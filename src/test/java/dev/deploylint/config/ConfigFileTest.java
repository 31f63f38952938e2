package dev.deploylint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.Fixtures;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Severity;
import dev.deploylint.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path dir;

    private Config load(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve(ConfigFile.NAME), yaml);
        return ConfigFile.load(file, Config.defaults("heroku-24"), Fixtures.CATALOG);
    }

    private static Finding finding(String rule, String path) {
        return new Finding(rule, Severity.WARNING, new Location(path, 1, 1), "m", List.of());
    }

    @Test
    void selectsIgnoresAndOverridesByIdNamePrefixOrCategory() throws IOException {
        Config config = load("""
                select: [PF, runtime, ST001, database-url-not-used]
                ignore: [PF002]
                severity:
                  PY004: error
                ignore-paths:
                  - path: "legacy/**"
                    rules: [ST001]
                stack: heroku-26
                fail-on: warning
                """);
        assertTrue(config.enabled(Fixtures.CATALOG.get("PF001")));
        assertFalse(config.enabled(Fixtures.CATALOG.get("PF002")));
        assertTrue(config.enabled(Fixtures.CATALOG.get("PY004")));
        assertTrue(config.enabled(Fixtures.CATALOG.get("DB001")));
        assertFalse(config.enabled(Fixtures.CATALOG.get("DB002")));
        assertEquals(Severity.ERROR, config.apply(finding("PY004", ".python-version"), Fixtures.CATALOG.get("PY004")).orElseThrow().severity());
        assertTrue(config.apply(finding("ST001", "legacy/settings.py"), Fixtures.CATALOG.get("ST001")).isEmpty());
        assertTrue(config.apply(finding("ST001", "mysite/settings.py"), Fixtures.CATALOG.get("ST001")).isPresent());
        assertEquals("heroku-26", config.stack());
        assertEquals("warning", config.failOn());
        assertTrue(config.origins().get("stack").endsWith(".deploylint.yml:8:1"), config.origins().toString());
    }

    @Test
    void mistakesAreErrorsWithTheirPosition() {
        assertEquals(dir.resolve(ConfigFile.NAME) + ":2:1: unknown key 'ignroe' (known: env, exclude, fail-on, ignore, ignore-paths, per-app, select, severity, stack)",
                assertThrows(ConfigException.class, () -> load("select: [PF]\nignroe: [PF001]\n")).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> load("ignore: [PF999]\n")).getMessage().endsWith(":1:10: unknown rule 'PF999'; use an id (PF004), a name (web-process-missing), a prefix (PF) or a category (procfile)"));
        assertTrue(assertThrows(ConfigException.class, () -> load("severity:\n  PF001: fatal\n")).getMessage().contains(":2:10: severity must be"));
        assertTrue(assertThrows(ConfigException.class, () -> load("fail-on: sometimes\n")).getMessage().contains("fail-on must be"));
        assertTrue(assertThrows(ConfigException.class, () -> load("select: [PF\n")).getMessage().contains("invalid YAML"));
        assertTrue(assertThrows(ConfigException.class, () -> load("a: &a [*a, *a]\nb: &b [*a, *a]\n")).getMessage().contains(".deploylint.yml"));
    }

    @Test
    void theNearestFileUpToTheGitRootIsUsed() throws IOException {
        Files.createDirectories(dir.resolve("repo/.git"));
        Files.createDirectories(dir.resolve("repo/apps/web"));
        Files.writeString(dir.resolve(ConfigFile.NAME), "stack: heroku-22\n");
        assertTrue(ConfigFile.find(dir.resolve("repo/apps/web")).isEmpty(), "a file outside the repository is not used");
        Files.writeString(dir.resolve("repo/" + ConfigFile.NAME), "stack: heroku-26\n");
        assertEquals(dir.resolve("repo/" + ConfigFile.NAME), ConfigFile.find(dir.resolve("repo/apps/web")).orElseThrow());
    }
}
