package dev.deploylint.cli;

import static dev.deploylint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.cli.Cli.Run;
import dev.deploylint.Fixtures;
import dev.deploylint.config.Config;
import dev.deploylint.config.ConfigException;
import dev.deploylint.config.ConfigFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `deploylint config` prints YAML that loads back to the same configuration; env: and --env-file give config vars; bad files are one-line errors. */
class ConfigRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void printedConfigurationLoadsBackUnchanged() throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("requirements.txt"), "django==5.2.8\n");
        Files.writeString(app.resolve(ConfigFile.NAME), """
                ignore: [PF002, "procfile"]
                severity: {PY004: error}
                ignore-paths:
                  - {path: "legacy/**", rules: [DJ003]}
                  - path: 'docs/*.py'
                fail-on: warning
                env:
                  DJANGO_SETTINGS_MODULE: mysite.settings.production
                  QUOTE: 'say "hi": ok'
                """);
        Run printed = run("config", app.toString());
        assertEquals(ExitCode.CLEAN, printed.exitCode(), printed.err());
        Path pasted = Files.writeString(dir.resolve("pasted.yml"), printed.out());
        Config original = ConfigFile.load(app.resolve(ConfigFile.NAME), Config.defaults("heroku-24"), Fixtures.CATALOG);
        Config reloaded = ConfigFile.load(pasted, Config.defaults("heroku-24"), Fixtures.CATALOG);
        assertEquals(original.ignore(), reloaded.ignore());
        assertEquals(original.severity(), reloaded.severity());
        assertEquals(original.ignorePaths(), reloaded.ignorePaths());
        assertEquals(original.failOn(), reloaded.failOn());
        assertEquals(original.env(), reloaded.env());
        assertTrue(reloaded.select().contains("all"), "select: [all] is accepted: " + printed.out());
    }

    @Test
    void duplicateKeysAndNeverMatchingGlobsAreRejected() throws IOException {
        assertRejected("fail-on: error\nfail-on: never\n", "duplicate key 'fail-on'");
        assertRejected("severity:\n  PY004: error\n  PY004: note\n", "duplicate key 'PY004'");
        assertRejected("ignore-paths:\n  - path: /legacy/**\n", "never matches");
        assertRejected("ignore-paths:\n  - path: 'a[b'\n", "never closed");
        assertRejected("env:\n  not-a-name: x\n", "not a config var name");
    }

    private void assertRejected(String yaml, String message) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yml"), yaml);
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigFile.load(file, Config.defaults("heroku-24"), Fixtures.CATALOG));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":"), "names the file and position: " + e.getMessage());
    }

    @Test
    void envFromTheConfigFileAndAnEnvFileReachTheSettings() throws IOException {
        Path app = copyOfDevAndProductionApp();
        Run defaultSettings = run("--format", "compact", app.toString());
        assertTrue(defaultSettings.out().contains("DJ003"), "dev settings by default: " + defaultSettings.out());

        Path envFile = Files.writeString(dir.resolve("heroku.env"),
                "# heroku config --shell\nexport DJANGO_SETTINGS_MODULE='mysite.settings_prod'\n");
        Run fromFile = run("--format", "compact", "--env-file", envFile.toString(), app.toString());
        assertTrue(!fromFile.out().contains("DJ003"), "production settings from --env-file: " + fromFile.out());

        Files.writeString(app.resolve(ConfigFile.NAME), "env:\n  DJANGO_SETTINGS_MODULE: mysite.settings_prod\n");
        Run fromConfig = run("--format", "compact", app.toString());
        assertTrue(!fromConfig.out().contains("DJ003"), "production settings from env: " + fromConfig.out());
        Run flagWins = run("--format", "compact", "--env", "DJANGO_SETTINGS_MODULE=mysite.settings", app.toString());
        assertTrue(flagWins.out().contains("DJ003"), "--env wins over env: " + flagWins.out());

        Path broken = Files.writeString(dir.resolve("broken.env"), "this is not an assignment\n");
        Run bad = run("--env-file", broken.toString(), app.toString());
        assertEquals(ExitCode.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("broken.env:1: expected NAME=VALUE"), bad.err());
    }

    @Test
    void aBrokenBaselineIsOneLine() throws IOException {
        Path baseline = Files.writeString(dir.resolve("baseline.json"), "{\"version\": 1, \"findings\": [\n");
        Run result = run("--baseline", baseline.toString(), Fixtures.ROOT.resolve("apps/heroku-django-today").toString());
        assertEquals(ExitCode.USAGE, result.exitCode());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("not valid JSON"), result.err());
        assertTrue(!result.err().contains("jackson") && !result.err().contains("Feature"), result.err());
    }

    /** An app whose manage.py defaults to DEBUG=True settings, with production settings beside them. */
    private Path copyOfDevAndProductionApp() throws IOException {
        Path app = Files.createDirectories(dir.resolve("site/mysite"));
        Path root = app.getParent();
        Files.writeString(root.resolve("requirements.txt"), "django==5.2.8\ngunicorn==23.0.0\n");
        Files.writeString(root.resolve(".python-version"), "3.13\n");
        Files.writeString(root.resolve("Procfile"), "web: gunicorn mysite.wsgi\n");
        Files.writeString(root.resolve("manage.py"), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
        Files.writeString(app.resolve("__init__.py"), "");
        Files.writeString(app.resolve("wsgi.py"), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
        Files.writeString(app.resolve("settings.py"), "DEBUG = True\nALLOWED_HOSTS = ['*']\nSECRET_KEY = 'x'\n");
        Files.writeString(app.resolve("settings_prod.py"), "DEBUG = False\nALLOWED_HOSTS = ['*']\nimport os\nSECRET_KEY = os.environ['SECRET_KEY']\n");
        return root;
    }

    @Test
    void excludeAndPerAppSettingsInOneRootConfig() throws IOException {
        Path root = Files.createDirectories(dir.resolve("monorepo"));
        for (String app : new String[] {"services/api", "services/web", "legacy/old"}) {
            Path folder = Files.createDirectories(root.resolve(app));
            InstallHookTest.writeApp(folder, "3.9\n"); // PY002 error in each
        }
        Files.writeString(root.resolve(ConfigFile.NAME), """
                exclude: ["legacy/*"]
                per-app:
                  services/api:
                    ignore: [PY002]
                """);
        Run run = run("--format", "compact", root.toString());
        assertTrue(!run.out().contains("legacy/old"), "excluded: " + run.out());
        assertTrue(run.out().contains("services/web/.python-version:1:1: PY002 error"), run.out());
        assertTrue(!run.out().contains("services/api/.python-version:1:1: PY002"), "ignored for that app only: " + run.out());
        Run named = run("--format", "compact", root.resolve("legacy/old").toString());
        assertTrue(named.out().contains("PY002 error"), "a folder the user names is linted even if excluded: " + named.out());

        Files.writeString(root.resolve(ConfigFile.NAME), "per-app:\n  services/api:\n    exclude: [x]\n");
        Run misplaced = run(root.toString());
        assertEquals(ExitCode.USAGE, misplaced.exitCode());
        assertTrue(misplaced.err().contains("'exclude' cannot be set for one app"), misplaced.err());
    }
}
