package dev.deploylint.report;

import static dev.deploylint.report.TestData.app;
import static dev.deploylint.report.TestData.evidence;
import static dev.deploylint.report.TestData.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.lint.Category;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Phase;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.RuleMetadata;
import dev.deploylint.lint.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    private static final Map<String, String> FILES = Map.of(
            "Procfile", "web: gunicorn myproject.wsgi --log-file -\n",
            "settings.py", "import os\n\tDEBUG = True\nNAME = 'café'; STATIC_ROOT = None\nTITLE = '日本'; X = 1\n");

    private static String write(ReportOptions options, List<AppReport> apps) throws IOException {
        StringBuilder out = new StringBuilder();
        new TextReporter(options).write(apps, TestData.catalog(), out);
        return out.toString();
    }

    private static String write(Finding... findings) throws IOException {
        return write(TestData.PLAIN, List.of(app("fixtures/apps/x", List.of(findings), FILES)));
    }

    @Test
    void writesTheFullReport() throws IOException {
        String text = write(
                finding("PF001", Severity.ERROR, "Procfile", 1, 6, "`myproject.wsgi` is not a module",
                        evidence("myproject/settings.py", 3, 1, "the settings package is `mysite`")),
                finding("PY002", Severity.WARNING, "runtime.txt", 1, 1, "Python 2.7.18 is end-of-life"));

        assertEquals("""
                fixtures/apps/x/Procfile:1:6: PF001 error: `myproject.wsgi` is not a module
                   1 | web: gunicorn myproject.wsgi --log-file -
                     |      ^
                  fix: Add a `Procfile` with a `web:` process.
                  see: the settings package is `mysite` (fixtures/apps/x/myproject/settings.py:3:1)

                fixtures/apps/x/runtime.txt:1:1: PY002 warning: Python 2.7.18 is end-of-life

                1 error, 1 warning, 0 notes in 1 app
                Verdict: build ok, release ok, web would fail (PF001)
                """, text);
    }

    @Test
    void eachAppStartsWithTheDeployStyleItWasLintedAs() throws IOException {
        AppReport container = app("fixtures/apps/x", List.of(
                finding("PY002", Severity.WARNING, "runtime.txt", 1, 1, "Python 2.7.18 is end-of-life")), FILES)
                .withDeployStyle(TestData.CONTAINER);
        AppReport buildpack = app(".", List.of(), FILES).withDeployStyle(new dev.deploylint.project.DeployStyle(
                dev.deploylint.project.DeployStyle.Kind.BUILDPACK, "", java.util.Optional.empty()));
        assertEquals("""
                fixtures/apps/x: deploy: container (heroku.yml build.docker, fixtures/apps/x/heroku.yml:2:3)

                fixtures/apps/x/runtime.txt:1:1: PY002 warning: Python 2.7.18 is end-of-life

                .: deploy: buildpack

                0 errors, 1 warning, 0 notes in 2 apps
                """, write(TestData.PLAIN, List.of(container, buildpack)));
    }

    private static String snippet(String text) {
        String[] lines = text.split("\n");
        return lines[1] + "\n" + lines[2];
    }

    @Test
    void caretLinesUpAfterATab() throws IOException {
        String text = write(finding("ST001", Severity.NOTE, "settings.py", 2, 2, "DEBUG is on"));
        assertEquals("   2 |     DEBUG = True\n"
                   + "     |     ^", snippet(text));
    }

    @Test
    void caretCountsCodePointsNotBytesOrUtf16Units() throws IOException {
        // Column 16 is the S of STATIC_ROOT; 'é' before it is one code point and one cell.
        String text = write(finding("ST001", Severity.NOTE, "settings.py", 3, 16, "STATIC_ROOT is None"));
        assertEquals("   3 | NAME = 'café'; STATIC_ROOT = None\n"
                   + "     |                ^", snippet(text));
    }

    @Test
    void caretAllowsForWideCharacters() throws IOException {
        String text = write(finding("ST001", Severity.NOTE, "settings.py", 4, 15, "X is set"));
        assertEquals("   4 | TITLE = '日本'; X = 1\n"
                   + "     |                 ^", snippet(text));
    }

    @Test
    void caretPastTheEndOfTheLineSitsAtTheEnd() throws IOException {
        String text = write(finding("ST001", Severity.NOTE, "settings.py", 1, 40, "import"));
        assertEquals("   1 | import os\n"
                   + "     |          ^", snippet(text));
    }

    @Test
    void omitsTheSnippetWhenTheLineIsUnknown() throws IOException {
        String text = write(finding("ST001", Severity.NOTE, "missing.py", 1, 1, "gone"));
        assertEquals("""
                fixtures/apps/x/missing.py:1:1: ST001 note: gone
                  fix: Set `STATIC_ROOT = BASE_DIR / "staticfiles"` in settings.py.

                0 errors, 0 warnings, 1 note in 1 app
                """, text);
    }

    @Test
    void noEscapeCharactersWithoutColourEvenFromHostileInput() throws IOException {
        String text = write(finding("PF001", Severity.ERROR, "Procfile", 1, 1, "bad \u001b[31mred\u001b[0m \u202Eevil"),
                finding("PY002", Severity.WARNING, "Procfile", 1, 2, "plain"));
        assertFalse(text.contains("\u001b"), text);
        assertFalse(text.contains("\u202E"), text);
        assertTrue(text.contains("bad \uFFFD[31mred"), text);
    }

    @Test
    void usesAnsiColoursWhenEnabled() throws IOException {
        String text = write(TestData.COLOR, List.of(app(".", List.of(
                finding("PF001", Severity.ERROR, "Procfile", 1, 1, "no web process"),
                finding("PY002", Severity.WARNING, "Procfile", 1, 2, "old"),
                finding("ST001", Severity.NOTE, "Procfile", 1, 3, "static")), FILES)));
        assertTrue(text.contains("\u001b[1;31merror\u001b[0m"), text);
        assertTrue(text.contains("\u001b[1;33mwarning\u001b[0m"), text);
        assertTrue(text.contains("\u001b[1;36mnote\u001b[0m"), text);
        assertTrue(text.contains("\u001b[1mProcfile:1:1: PF001 \u001b[0m"), text);
    }

    @Test
    void summaryPluralises() throws IOException {
        assertEquals("No problems found in 1 app\n", write(TestData.PLAIN, List.of(app(".", List.of(), FILES))));
        assertEquals("No problems found in 2 apps\n", write(TestData.PLAIN,
                List.of(app("a", List.of(), FILES), app("b", List.of(), FILES))));
        assertEquals("No problems found in 0 apps\n", write(TestData.PLAIN, List.of()));
        String text = write(TestData.PLAIN, List.of(app("a", List.of(
                finding("PF001", Severity.ERROR, "x", 1, 1, "one"),
                finding("PF001", Severity.ERROR, "x", 2, 1, "two"),
                finding("ST001", Severity.NOTE, "x", 3, 1, "three"),
                finding("ST001", Severity.NOTE, "x", 4, 1, "four")), Map.of()), app("b", List.of(
                finding("PY002", Severity.WARNING, "x", 1, 1, "five")), Map.of())));
        assertTrue(text.endsWith("\n\n2 errors, 1 warning, 2 notes in 2 apps\nVerdict: build ok, release ok, web would fail (PF001)\n"), text);
    }

    @Test
    void eachAppStartsWithTheSettingsItUsedAndWhy() throws IOException {
        AppReport app = app("fixtures/apps/x", List.of(finding("PY002", Severity.WARNING, "runtime.txt", 1, 1, "Python 2.7.18 is end-of-life")),
                FILES, TestData.settings("mysite.settings.production", "web command DJANGO_SETTINGS_MODULE=, Procfile:1"));
        assertEquals("""
                settings: mysite.settings.production (web command DJANGO_SETTINGS_MODULE=, Procfile:1)

                fixtures/apps/x/runtime.txt:1:1: PY002 warning: Python 2.7.18 is end-of-life

                0 errors, 1 warning, 0 notes in 1 app
                """, write(TestData.PLAIN, List.of(app)));
    }

    @Test
    void severalAppsNameTheirFolderAndAnAppWithoutFindingsStillSaysWhatItChecked() throws IOException {
        AppReport first = app("./a/", List.of(), FILES, TestData.settings("a.settings", "default in a/wsgi.py:14"));
        AppReport second = app("b", List.of(), FILES, TestData.NO_SETTINGS);
        AppReport notDjango = app("c", List.of(), FILES);
        assertEquals("""
                a: settings: a.settings (default in a/wsgi.py:14)

                b: settings: none found

                No problems found in 3 apps
                """, write(TestData.PLAIN, List.of(first, second, notDjango)));
    }

    @Test
    void appSetupFailureIsNotABuildFailure() throws IOException {
        RuleCatalog catalog = RuleCatalog.of(List.of(new RuleMetadata("HK002", "retired-dyno-or-plan", Category.BUILDPACKS,
                Severity.ERROR, "app.json asks for a retired plan", "## Fix\n\nUse a current plan.\n", List.of(), "0.1.0",
                Phase.SETUP, dev.deploylint.lint.AppliesTo.BOTH)));
        StringBuilder out = new StringBuilder();
        new TextReporter(TestData.PLAIN).write(List.of(app(".", List.of(finding("HK002", Severity.ERROR, "app.json", 4, 15,
                "retired")), FILES)), catalog, out);
        String text = out.toString();
        assertTrue(text.endsWith("Verdict: build ok, release ok, web ok, app setup would fail (HK002)\n"), text);
    }
}
