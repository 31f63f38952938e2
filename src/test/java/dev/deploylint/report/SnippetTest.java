package dev.deploylint.report;

import static dev.deploylint.report.TestData.app;
import static dev.deploylint.report.TestData.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deploylint.lint.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snippets are bounded around the column and never echo a committed secret, in text and SARIF. */
class SnippetTest {

    private static final String KEY = "django-insecure-" + "q8#b!x0v@3n".repeat(5);

    @Test
    void aLongLineIsCutAroundTheColumn() {
        String line = "a".repeat(5_000) + "X" + "b".repeat(5_000);
        Snippet.Window window = Snippet.window(line, 5_001);
        assertTrue(window.text().codePointCount(0, window.text().length()) <= Snippet.WIDTH + 2, window.text());
        assertTrue(window.text().startsWith("\u2026") && window.text().endsWith("\u2026"), window.text());
        assertEquals("X", window.text().substring(window.column() - 1, window.column()), "the column still points at the same character");
        assertEquals(new Snippet.Window("short", 3), Snippet.window("short", 3));
        Snippet.Window atStart = Snippet.window("c".repeat(500), 1);
        assertFalse(atStart.text().startsWith("\u2026"));
        assertEquals(1, atStart.column());
    }

    @Test
    void aSecretKeyLiteralIsMaskedAndConfigVarNamesAreNot() {
        assertEquals("SECRET_KEY = 'django-insecure-\u2026'", Snippet.mask("SECRET_KEY = '" + KEY + "'"));
        assertEquals("SECRET_KEY = os.environ.get(\"DJANGO_SECRET_KEY\", \"hunt\u2026\")",
                Snippet.mask("SECRET_KEY = os.environ.get(\"DJANGO_SECRET_KEY\", \"hunter2hunter2\")"));
        assertEquals("DEBUG = 'hunter2hunter2'", Snippet.mask("DEBUG = 'hunter2hunter2'"), "a line naming no secret is kept");
        assertEquals("SECRET_KEY = 'abc\\\u2026' + x", Snippet.mask("SECRET_KEY = 'abc\\'def' + x"), "an escaped quote stays inside the literal");
        assertEquals("SECRET_KEY=3j@-\u2026", Snippet.mask("SECRET_KEY=3j@-nsd*9-!&q7sk1p5*vmz215"), "a bare .env value is masked");
        assertEquals("export DJANGO_SECRET_KEY = abcd\u2026", Snippet.mask("export DJANGO_SECRET_KEY = abcdefghijkl # local"));
        assertEquals("DEBUG=True", Snippet.mask("DEBUG=True"), "a .env line naming no secret is kept");
        String huge = "SECRET_KEY = '" + "k".repeat(15_000_000) + "'";
        assertEquals("SECRET_KEY = 'kkkk\u2026'", Snippet.mask(huge), "linear, no stack overflow");
    }

    @Test
    void textAndSarifShowNeitherTheWholeLineNorTheKey() throws Exception {
        String minified = "{" + "\"k\":1,".repeat(20_000) + "\"bad\":2}";
        List<AppReport> apps = List.of(app(".", List.of(
                finding("PF001", Severity.ERROR, "mysite/settings.py", 1, 1, "weak key"),
                finding("PY002", Severity.WARNING, "app.json", 1, minified.length() - 7, "unknown key")),
                Map.of("mysite/settings.py", "SECRET_KEY = '" + KEY + "'\n", "app.json", minified)));
        StringBuilder text = new StringBuilder();
        new TextReporter(TestData.PLAIN).write(apps, TestData.catalog(), text);
        assertFalse(text.toString().contains(KEY.substring(16)), text.toString());
        assertTrue(text.toString().contains("SECRET_KEY = 'django-insecure-\u2026'"), text.toString());
        assertTrue(text.length() < 2_000, "bounded: " + text.length() + " characters");
        assertTrue(text.toString().contains("\"bad\":2}"), "the window holds the column");

        StringBuilder sarif = new StringBuilder();
        new SarifReporter(TestData.PLAIN).write(apps, TestData.catalog(), sarif);
        assertFalse(sarif.toString().contains(KEY.substring(16)));
        List<String> snippets = new ObjectMapper().readTree(sarif.toString()).findValues("snippet").stream()
                .map(snippet -> snippet.get("text").asText()).toList();
        assertEquals(2, snippets.size(), sarif.toString());
        assertTrue(snippets.stream().allMatch(s -> s.length() <= Snippet.WIDTH + 2), snippets.toString());
        assertTrue(sarif.length() < 20_000, "bounded: " + sarif.length() + " characters");
    }
}
