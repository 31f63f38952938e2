package dev.deploylint.report;

import static dev.deploylint.report.TestData.app;
import static dev.deploylint.report.TestData.evidence;
import static dev.deploylint.report.TestData.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deploylint.lint.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactReporterTest {

    private static String write(List<AppReport> apps) throws IOException {
        StringBuilder out = new StringBuilder();
        new CompactReporter().write(apps, TestData.catalog(), out);
        return out.toString();
    }

    @Test
    void writesOneLinePerFindingAndNothingElse() throws IOException {
        AppReport app = app("fixtures/apps/x", List.of(
                finding("PF001", Severity.ERROR, "Procfile", 1, 6, "`myproject.wsgi` is not a module",
                        evidence("myproject/settings.py", 3, 1, "settings live here")),
                finding("PY002", Severity.WARNING, "runtime.txt", 1, 1, "Python 2.7.18 is end-of-life")),
                Map.of());

        assertEquals("fixtures/apps/x/Procfile:1:6: PF001 error: `myproject.wsgi` is not a module\n"
                + "fixtures/apps/x/runtime.txt:1:1: PY002 warning: Python 2.7.18 is end-of-life\n", write(List.of(app)));
    }

    @Test
    void normalisesTheRoot() throws IOException {
        var f = finding("ST001", Severity.NOTE, "app/settings.py", 12, 1, "STATIC_ROOT is not set");
        assertEquals("app/settings.py:12:1: ST001 note: STATIC_ROOT is not set\n",
                write(List.of(app(".", List.of(f), Map.of()))));
        assertEquals("app/settings.py:12:1: ST001 note: STATIC_ROOT is not set\n",
                write(List.of(app("./", List.of(f), Map.of()))));
        assertEquals("demo/app/settings.py:12:1: ST001 note: STATIC_ROOT is not set\n",
                write(List.of(app("./demo/", List.of(f), Map.of()))));
        assertEquals("/srv/demo/app/settings.py:12:1: ST001 note: STATIC_ROOT is not set\n",
                write(List.of(app("/srv/demo", List.of(f), Map.of()))));
        assertEquals("/app/settings.py:12:1: ST001 note: STATIC_ROOT is not set\n",
                write(List.of(app("/", List.of(f), Map.of()))));
    }

    @Test
    void writesNothingForACleanApp() throws IOException {
        assertEquals("", write(List.of(app(".", List.of(), Map.of()))));
    }

    @Test
    void theSettingsHeaderIsNotPartOfCompactOutput() throws IOException {
        AppReport app = app("x", List.of(finding("PY002", Severity.WARNING, "runtime.txt", 1, 1, "Python 2.7.18 is end-of-life")),
                Map.of(), TestData.settings("x.settings", "default in x/wsgi.py:1"));
        assertEquals("x/runtime.txt:1:1: PY002 warning: Python 2.7.18 is end-of-life\n", write(List.of(app)));
    }
}
