package dev.deploylint.report;

import static dev.deploylint.report.TestData.app;
import static dev.deploylint.report.TestData.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * Repository content that tries to drive the reader's terminal or CI log, pushed through every
 * format: each format keeps its own rules (one line per finding, no workflow command of the
 * repository's, well-formed XML, JSON that keeps the text).
 */
class HostileOutputTest {

    private static final List<String> HOSTILE = List.of(
            "\u001b]52;c;cHduZWQ=\u0007",        // OSC 52: write the clipboard
            "\u001b]0;title\u0007",              // OSC 0: set the window title
            "\u001b[2J",                         // clear the screen
            "x\n::error::pwned",                 // a workflow command of its own
            "::add-mask::secret",
            "carriage\rreturn\r\n::warning::pwned",
            "\u202Eevil\u202C \u2066isolate\u2069",  // bidi override and isolate
            "c1\u009bcontrol\u0085",             // C1: CSI and NEL
            "pipe | `tick` <b>html</b> [link](http://x) *em*");

    private static List<AppReport> apps() {
        List<Finding> findings = new ArrayList<>();
        int line = 1;
        for (String text : HOSTILE) {
            String path = text.startsWith("::") ? text : "dir" + text + "/settings.py";
            findings.add(finding("PF001", Severity.ERROR, path, line++, 1, "value '" + text + "' is wrong"));
        }
        return List.of(app("app", findings, Map.of()), app(HOSTILE.get(4), List.of(
                finding("PY002", Severity.WARNING, "runtime.txt", 1, 1, "msg \u001b[31m")), Map.of()));
    }

    private static String render(ReportFormat format) throws Exception {
        StringBuilder out = new StringBuilder();
        format.reporter(TestData.PLAIN).write(apps(), TestData.catalog(), out);
        return out.toString();
    }

    private static void assertNoRawControls(String output, ReportFormat format) {
        output.codePoints().filter(cp -> cp != '\n' && Sanitizer.isUnsafe(cp)).findFirst().ifPresent(cp ->
                org.junit.jupiter.api.Assertions.fail(format + " wrote U+" + Integer.toHexString(cp) + " raw:\n" + output));
    }

    private static void assertNoRepositoryWorkflowCommand(String output, ReportFormat format) {
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("::")) {
                assertTrue(format == ReportFormat.GITHUB && line.matches("::(error|warning|notice) file=[^:]*,title=.*::.*"),
                        format + " printed a line the repository controls: " + line);
                assertFalse(line.contains("\u001b"), line);
            }
        }
    }

    @Test
    void everyFormatKeepsItsRulesOnHostileText() throws Exception {
        int findings = HOSTILE.size() + 1;
        for (ReportFormat format : ReportFormat.values()) {
            String output = render(format);
            assertNoRepositoryWorkflowCommand(output, format);
            switch (format) {
                case TEXT, COMPACT, GITHUB, CHECKSTYLE, JUNIT -> assertNoRawControls(output, format);
                default -> {
                }
            }
            switch (format) {
                case COMPACT -> assertEquals(findings, output.lines().count(), "one finding per line:\n" + output);
                case GITHUB -> assertEquals(findings, output.lines().filter(l -> l.startsWith("::")).count(), output);
                case CHECKSTYLE, JUNIT -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)));
                case JSON, SARIF, GITLAB -> {
                    // JSON escapes everything itself, so the text is kept exactly, for tools to read.
                    String parsed = new ObjectMapper().readTree(output).toString();
                    assertTrue(new ObjectMapper().readTree(output).findValuesAsText(format == ReportFormat.SARIF ? "text"
                            : format == ReportFormat.GITLAB ? "description" : "message")
                            .stream().anyMatch(m -> m.contains("x\n::error::pwned")), format + " lost the text: " + parsed);
                }
                default -> {
                }
            }
        }
    }

    @Test
    void theJobSummaryEscapesMarkdownAndHtml() {
        String summary = GithubReporter.summary(apps(), TestData.catalog(), TestData.PLAIN);
        List<String> rows = summary.lines().filter(l -> l.startsWith("| error") || l.startsWith("| warning")).toList();
        assertEquals(HOSTILE.size() + 1, rows.size(), summary);
        for (String row : rows) {
            // Four cells: five unescaped pipes, whatever the path and message hold.
            assertEquals(5, row.split("(?<!\\\\)\\|", -1).length - 1, row);
            String repositoryCells = row.substring(row.indexOf(" | ", row.indexOf("` ")) + 3);
            assertFalse(repositoryCells.matches(".*(?<!\\\\)[<>`\\[*].*"), "unescaped markup in " + repositoryCells);
        }
        assertFalse(summary.lines().anyMatch(l -> l.startsWith("::")), summary);
        assertNoRawControls(summary, ReportFormat.GITHUB);
    }

    @Test
    void aPathThatStartsWithColonsIsShownFromDotSlash() {
        assertEquals("./::error::x", Sanitizer.path("::error::x"));
        assertEquals("a\uFFFDb", Sanitizer.clean("a\u001bb"));
        String clean = "plain text, no change";
        assertTrue(clean == Sanitizer.clean(clean), "no copy when nothing is unsafe");
    }
}
