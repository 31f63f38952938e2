package dev.deploylint.cli;

import static dev.deploylint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.cli.Cli.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deploylint.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: subcommands, options, exit codes and error messages. */
class MainTest {

    private static String app(String name) {
        return Fixtures.ROOT.resolve(name).toString();
    }

    @Test
    void checkIsTheDefaultSubcommand() {
        Run implicit = run("--color", "never", app("PF004/fails-worker-only"));
        Run explicit = run("check", "--color", "never", app("PF004/fails-worker-only"));
        assertEquals(ExitCode.FINDINGS, implicit.exitCode());
        assertEquals(explicit.out(), implicit.out());
        assertTrue(implicit.out().contains("PF004 error"), implicit.out());
    }

    @Test
    void cleanAppExitsZeroAndSaysSo() {
        Run result = run("--color", "never", app("apps/heroku-django-today"));
        assertEquals(ExitCode.CLEAN, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("No problems found"), result.out());
    }

    @Test
    void textOutputStartsWithTheSettingsModuleAndWhy() {
        Run assumed = run("--color", "never", app("DJ018/fails-default-names-dev-module"));
        assertTrue(assumed.out().startsWith("deploy: buildpack; settings: mysite.settings.production (assumed: production sibling of"
                + " mysite.settings.dev, default in mysite/wsgi.py:7)\n"), assumed.out());
        Run fromEnv = run("--color", "never", "--env", "DJANGO_SETTINGS_MODULE=mysite.settings.dev", app("DJ018/fails-default-names-dev-module"));
        assertTrue(fromEnv.out().startsWith("deploy: buildpack; settings: mysite.settings.dev (--env DJANGO_SETTINGS_MODULE)\n"), fromEnv.out());
        assertTrue(fromEnv.out().contains("DJ003 warning"), fromEnv.out());
    }

    @Test
    void failOnSetsTheThreshold() {
        String warningsOnly = app("PY004/fails-python-3-10");
        assertEquals(ExitCode.CLEAN, run(warningsOnly).exitCode());
        assertEquals(ExitCode.FINDINGS, run("--fail-on", "warning", warningsOnly).exitCode());
        assertEquals(ExitCode.CLEAN, run("--fail-on", "never", app("PF004/fails-worker-only")).exitCode());
    }

    @Test
    void missingPathIsAUsageError() {
        Run result = run("/no/such/app");
        assertEquals(ExitCode.USAGE, result.exitCode());
        assertTrue(result.err().contains("path does not exist: /no/such/app"), result.err());
        assertFalse(result.err().contains("at dev.deploylint"), "no stack trace");
    }

    @Test
    void fileInsteadOfFolderIsAUsageError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("Procfile"), "web: x\n");
        assertEquals(ExitCode.USAGE, run(file.toString()).exitCode());
    }

    @Test
    void unknownOptionsAndValuesAreUsageErrors() {
        assertEquals(ExitCode.USAGE, run("--frobnicate").exitCode());
        assertEquals(ExitCode.USAGE, run("--format", "xml", ".").exitCode());
        assertEquals(ExitCode.USAGE, run("--fail-on", "sometimes", ".").exitCode());
        Run stack = run("--stack", "cedar-14", ".");
        assertEquals(ExitCode.USAGE, stack.exitCode());
        assertTrue(stack.err().contains("heroku-24"), stack.err());
    }

    @Test
    void sarifAndJsonGoToTheOutputFile(@TempDir Path dir) throws IOException {
        Path sarif = dir.resolve("out.sarif");
        Run result = run("--format", "sarif", "--output", sarif.toString(), app("apps/heroku-django-2016"));
        assertEquals(ExitCode.FINDINGS, result.exitCode());
        assertEquals("", result.out());
        JsonNode log = new ObjectMapper().readTree(Files.readString(sarif, StandardCharsets.UTF_8));
        assertEquals("2.1.0", log.get("version").asText());
        assertTrue(log.at("/runs/0/results").size() > 0);
        assertTrue(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean());

        Run json = run("--format", "json", app("apps/heroku-django-2016"));
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals(1, doc.get("schemaVersion").asInt());
        assertTrue(doc.at("/summary/errors").asInt() > 0);
    }

    @Test
    void textReportShowsTheSourceLineAndFix() {
        Run result = run("--color", "never", app("PY002/fails-python-3-9"));
        assertTrue(result.out().contains(".python-version:1:1: PY002 error:"), result.out());
        assertTrue(result.out().contains("1 | 3.9"), result.out());
        assertTrue(result.out().contains("fix:"), result.out());
        assertFalse(result.out().contains("\u001b["), "no colour when asked for none");
    }

    @Test
    void alwaysColourUsesAnsiCodes() {
        assertTrue(run("--color", "always", app("PY002/fails-python-3-9")).out().contains("\u001b["));
    }

    @Test
    void aFolderOfAppsLintsEachWithPathsFromWhereTheUserRan() {
        Run result = run("--format", "compact", app("apps"));
        assertEquals(ExitCode.FINDINGS, result.exitCode());
        assertTrue(result.out().contains(app("apps/heroku-django-2016") + "/runtime.txt:1:8: PY002 error"), result.out());
        Run text = run("--color", "never", app("apps"));
        assertTrue(text.out().contains("in 2 apps"), text.out());
    }

    @Test
    void severalFormatsInOneRun(@TempDir Path dir) throws IOException {
        Path sarif = dir.resolve("a.sarif");
        Path junit = dir.resolve("a.xml");
        Run result = run("--format", "compact", "--format", "sarif:" + sarif, "--format", "junit:" + junit, app("PY002/fails-python-3-9"));
        assertEquals(ExitCode.FINDINGS, result.exitCode());
        assertTrue(result.out().contains(": PY002 error:"), result.out());
        assertTrue(Files.readString(sarif).contains("\"ruleId\": \"PY002\""));
        assertTrue(Files.readString(junit).contains("<testsuites"));
        assertEquals(ExitCode.USAGE, run("--format", "text", "--format", "json", ".").exitCode());
    }

    @Test
    void baselineHidesKnownFindingsEvenAfterTheyMove(@TempDir Path dir) throws IOException {
        Path app = dir.resolve("app");
        Files.createDirectories(app);
        Files.writeString(app.resolve("requirements.txt"), "django==5.2.8\n");
        Files.writeString(app.resolve(".python-version"), "3.9\n");
        Path baseline = dir.resolve("baseline.json");
        assertEquals(ExitCode.CLEAN, run("--write-baseline", baseline.toString(), app.toString()).exitCode(), "writing a baseline succeeds");
        Run known = run("--baseline", baseline.toString(), app.toString());
        assertEquals(ExitCode.CLEAN, known.exitCode(), known.out());
        assertTrue(known.err().contains("hid"), known.err());
        Files.writeString(app.resolve(".python-version"), "# moved down a line\n3.9\n");
        assertEquals(ExitCode.CLEAN, run("--baseline", baseline.toString(), app.toString()).exitCode());
        Files.writeString(app.resolve("runtime.txt"), "python-3.8\n");
        Run fresh = run("--format", "compact", "--baseline", baseline.toString(), app.toString());
        assertEquals(ExitCode.FINDINGS, fresh.exitCode());
        assertTrue(fresh.out().contains("runtime.txt") && !fresh.out().contains(".python-version:2:1: PY002"), fresh.out());
        assertEquals(ExitCode.USAGE, run("--baseline", dir.resolve("none.json").toString(), app.toString()).exitCode());
    }

    @Test
    void appLimitsAMonorepoRunToSomeApps() {
        Run one = run("--format", "compact", "--app", app("apps/heroku-django-today"), app("apps"));
        assertEquals(ExitCode.CLEAN, one.exitCode(), one.out());
        assertEquals("", one.out());
        assertEquals(ExitCode.USAGE, run("--app", app("PF001"), app("apps")).exitCode());
    }

    @Test
    void rulesListsTheCatalogue() {
        Run result = run("rules");
        assertEquals(ExitCode.CLEAN, result.exitCode());
        Fixtures.CATALOG.all().forEach(rule -> assertTrue(result.out().contains(rule.id() + " ") && result.out().contains(rule.name())));
    }

    @Test
    void explainFindsRulesByIdOrName() {
        Run byId = run("explain", "PF001");
        Run byName = run("explain", "procfile-missing");
        assertEquals(ExitCode.CLEAN, byId.exitCode());
        assertEquals(byId.out(), byName.out());
        assertTrue(byId.out().contains("WHAT IT CHECKS") && byId.out().contains("FIX"), byId.out());
        Run unknown = run("explain", "XX999");
        assertEquals(ExitCode.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown rule 'XX999'"), unknown.err());
    }

    @Test
    void versionAndHelpExitZero() {
        assertEquals(ExitCode.CLEAN, run("--version").exitCode());
        Run help = run("--help");
        assertEquals(ExitCode.CLEAN, help.exitCode());
        assertTrue(help.out().contains("Exit codes"), help.out());
    }

    @Test
    void binaryAndMalformedFilesAreFindingsNotCrashes(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("mysite"));
        Files.writeString(dir.resolve("manage.py"),
                "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"mysite.settings\")\n");
        Files.write(dir.resolve("mysite/settings.py"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, (byte) 0xff});
        Files.writeString(dir.resolve("app.json"), "{\"name\": ");
        Files.writeString(dir.resolve("requirements.txt"), "django==5.2.8\ngunicorn==23.0.0\n");
        Files.writeString(dir.resolve("Procfile"), "web: gunicorn mysite.wsgi\n");
        Run result = run("--color", "never", dir.toString());
        assertEquals(ExitCode.FINDINGS, result.exitCode(), result.err());
        // deploylint cannot read it, but whether the build fails on it is not DL001's to say.
        assertTrue(result.out().contains("mysite/settings.py:1:1: DL001 warning"), result.out());
        assertTrue(result.out().contains("app.json:1:"), result.out());
        assertTrue(result.out().contains("DL002 warning"), result.out());
        assertEquals("", result.err());
        assertTrue(Files.list(dir).count() == 5, "nothing written into the app");
    }

    private static Path write(Path dir, String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** A temporary git repository, so the upward search cannot leave it. */
    private static Path repository(Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        return dir;
    }

    private static void assertNoApp(Run result, String path) {
        assertEquals(ExitCode.USAGE, result.exitCode(), result.out() + result.err());
        assertTrue(result.err().startsWith("deploylint: no Heroku app found under " + path
                + " (looked for Procfile, app.json, heroku.yml, manage.py, requirements.txt,"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void anEmptyFolderIsNoAppAndNotASilentPass(@TempDir Path dir) throws IOException {
        assertNoApp(run(repository(dir).toString()), dir.toString());
    }

    @Test
    void aNodeOnlyOrDocsOnlyFolderIsNoApp(@TempDir Path dir) throws IOException {
        write(repository(dir), "package.json", "{\"name\": \"site\"}\n");
        write(dir, "README.md", "# Site\n");
        assertNoApp(run(dir.toString()), dir.toString());
    }

    @Test
    void aLibraryWithAProjectTableSaysSoAndExitsTwo(@TempDir Path dir) throws IOException {
        write(repository(dir), "pyproject.toml", "[project]\nname = \"lib\"\nrequires-python = \">=3.9\"\n");
        write(dir, "uv.lock", "version = 1\n");
        write(dir, "tests/testproject/manage.py", "import os\n");
        write(dir, "docs/requirements.txt", "sphinx\n");
        Run result = run(dir.toString());
        assertEquals(ExitCode.USAGE, result.exitCode(), result.out());
        assertTrue(result.err().startsWith("deploylint: " + dir + " looks like a Python library (pyproject.toml has [project]), "
                + "not a Heroku app: no Procfile, app.json, heroku.yml or manage.py"), result.err());
        assertTrue(result.err().contains("name it: deploylint " + dir.resolve("docs")), result.err());
        assertFalse(result.out().contains("PF001"), result.out());
    }

    @Test
    void aLibraryWithSetupPySaysSo(@TempDir Path dir) throws IOException {
        write(repository(dir), "setup.py", "from setuptools import setup\nsetup(name='lib')\n");
        write(dir, "requirements.txt", "requests\n");
        Run result = run(dir.toString());
        assertEquals(ExitCode.USAGE, result.exitCode());
        assertTrue(result.err().contains("looks like a Python library (setup.py), not a Heroku app"), result.err());
    }

    @Test
    void aTestProjectInsideALibraryIsLintedOnlyWhenNamed(@TempDir Path dir) throws IOException {
        write(repository(dir), "setup.cfg", "[metadata]\nname = lib\n");
        write(dir, "tests/testproject/manage.py", "import os\n");
        write(dir, "tests/testproject/requirements.txt", "django==5.2.8\n");
        assertEquals(ExitCode.USAGE, run(dir.toString()).exitCode());
        Run named = run("--format", "compact", dir.resolve("tests/testproject").toString());
        assertTrue(named.out().contains(dir.resolve("tests/testproject") + "/"), named.out() + named.err());
        Run byApp = run("--format", "compact", "--app", dir.resolve("tests").toString(), dir.toString());
        assertEquals(named.out(), byApp.out(), byApp.err());
    }

    @Test
    void docsRequirementsAndExamplesAreNotApps(@TempDir Path dir) throws IOException {
        write(repository(dir), "docs/requirements.txt", "sphinx==8.1.3\n");
        write(dir, "examples/heroku/Procfile", "web: gunicorn app:app\n");
        Run result = run(dir.toString());
        assertNoApp(result, dir.toString());
        assertTrue(result.err().endsWith("; to lint " + dir.resolve("docs") + ", name it: deploylint " + dir.resolve("docs") + "\n"),
                result.err());
        Run example = run("--format", "compact", dir.resolve("examples/heroku").toString());
        assertTrue(example.out().contains(dir.resolve("examples/heroku") + "/Procfile:1:15: PF005 error"), example.out() + example.err());
    }

    @Test
    void severalPathsFailWhenOneHoldsNoApp(@TempDir Path dir) throws IOException {
        write(repository(dir), "app/Procfile", "web: gunicorn mysite.wsgi\n");
        Files.createDirectories(dir.resolve("empty"));
        Run result = run(dir.resolve("app").toString(), dir.resolve("empty").toString());
        assertNoApp(result, dir.resolve("empty").toString());
    }

    @Test
    void aRunFromAnAppsPackageFolderLintsTheAppAbove() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "upwards");
        write(dir, "Procfile", "web: gunicorn mysite.wsgi\n");
        write(dir, "requirements.txt", "django==5.2.8\ngunicorn==23.0.0\n");
        write(dir, ".python-version", "3.9\n");
        write(dir, "mysite/wsgi.py", "application = None\n");
        Path relative = Path.of("").toAbsolutePath().relativize(dir.toAbsolutePath());
        Run result = run("--format", "compact", relative.resolve("mysite").toString());
        assertEquals("deploylint: linting the app at " + relative + " (found upwards from " + relative.resolve("mysite")
                + ", which holds no app)\n", result.err());
        assertTrue(result.out().contains(relative + "/.python-version:1:1: PY002 error"), result.out());
        assertFalse(result.out().contains("RQ001") || result.out().contains("PF001"), result.out());
    }

    @Test
    void aPyprojectAppWithAProcfileIsStillLinted(@TempDir Path dir) throws IOException {
        write(repository(dir), "pyproject.toml", "[project]\nname = \"site\"\nrequires-python = \">=3.13\"\n"
                + "dependencies = [\"django==5.2.8\", \"gunicorn==23.0.0\"]\n");
        write(dir, "Procfile", "web: gunicorn mysite.wsgi\n");
        Run result = run("--format", "compact", dir.toString());
        assertTrue(result.exitCode() != ExitCode.USAGE, result.err());
        assertEquals("", result.err());
    }

    @Test
    void anAppNamedByAppAndFoundUnderPathIsLintedOnce() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "monorepo");
        write(dir, "services/api/.python-version", "3.9\n");
        Path relative = Path.of("").toAbsolutePath().relativize(dir.toAbsolutePath());
        Run result = run("--format", "compact", "--app", relative.resolve("services").toString(), dir.toAbsolutePath().toString());
        assertEquals(1, result.out().lines().filter(line -> line.contains("PY002 error")).count(), result.out());
    }

    @Test
    void aRunInsideALibraryPackageSaysTheLibraryIsNoApp(@TempDir Path dir) throws IOException {
        write(repository(dir), "pyproject.toml", "[project]\nname = \"lib\"\n");
        write(dir, "src/lib/__init__.py", "");
        Run result = run(dir.resolve("src/lib").toString());
        assertEquals(ExitCode.USAGE, result.exitCode());
        assertTrue(result.err().startsWith("deploylint: " + dir.resolve("src/lib") + " is inside " + dir
                + ", which looks like a Python library (pyproject.toml has [project]), not a Heroku app"), result.err());
    }
}
