package dev.deploylint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.lint.Category;
import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Linter;
import dev.deploylint.lint.RuleMetadata;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.report.AppReport;
import dev.deploylint.report.ReportOptions;
import dev.deploylint.report.TextReporter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lints every fixture and reads every finding's message, fix hint and evidence as a user sees them
 * in the text report: no fix hint ends in a colon that introduces a dropped code block, no evidence
 * repeats the place the report prints after it, no space sits inside parentheses, and no message
 * calls a module "the production settings" unless it is named as one.
 */
class MessagesTest {

    private static final Pattern SPACE_IN_PARENTHESES = Pattern.compile("\\(\\s|\\s\\)");
    private static final Pattern PRODUCTION_MODULE = Pattern.compile("(?i).*(prod|production|heroku|deploy|live)");

    static Stream<String> apps() {
        return Fixtures.apps().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void messagesReadCleanly(String app) throws IOException {
        Linter.LintResult result = Fixtures.lint(app);
        Project project = result.project();
        List<String> problems = new ArrayList<>();
        boolean productionModule = DjangoProject.of(project).settingsModule()
                .map(module -> PRODUCTION_MODULE.matcher(module.name().substring(module.name().lastIndexOf('.') + 1)).matches())
                .orElse(false);
        for (Finding finding : result.findings()) {
            String fix = Fixtures.CATALOG.get(finding.ruleId()).fixHint();
            if (fix.endsWith(":")) {
                problems.add(finding.ruleId() + " fix hint ends in a colon: " + fix);
            }
            for (String text : List.of(finding.message(), fix)) {
                if (SPACE_IN_PARENTHESES.matcher(text).find()) {
                    problems.add(finding.ruleId() + " has a space inside parentheses: " + text);
                }
            }
            if (!productionModule && finding.message().contains("production settings")) {
                problems.add(finding.ruleId() + " says \"production settings\" of a module not named so: " + finding.message());
            }
            for (Evidence evidence : finding.evidence()) {
                String place = evidence.location().path() + ":" + evidence.location().line();
                if (evidence.message().contains(place)) {
                    problems.add(finding.ruleId() + " evidence repeats its place " + place + ": " + evidence.message());
                }
                if (SPACE_IN_PARENTHESES.matcher(evidence.message()).find()) {
                    problems.add(finding.ruleId() + " evidence has a space inside parentheses: " + evidence.message());
                }
            }
        }
        StringBuilder text = new StringBuilder();
        new TextReporter(new ReportOptions("test", false, true)).write(List.of(AppReport.of("fixtures/" + app, result.findings(),
                (path, line) -> project.text(path).filter(f -> line <= f.lineCount()).map(f -> f.line(line)))), Fixtures.CATALOG, text);
        for (String line : text.toString().split("\n")) {
            if ((line.startsWith("  because ") || line.startsWith("  see: ")) && line.indexOf(") (") > 0
                    && line.substring(0, line.lastIndexOf(" (")).matches(".*\\([^()]*:\\d+(:\\d+)?\\)$")) {
                problems.add("evidence prints two places: " + line);
            }
        }
        assertTrue(problems.isEmpty(), () -> app + ":\n" + String.join("\n", problems));
    }

    @Test
    void everyRulesFixHintStandsAlone() {
        for (RuleMetadata rule : Fixtures.CATALOG.all()) {
            assertFalse(rule.fixHint().endsWith(":"), rule.id() + ": " + rule.fixHint());
            assertFalse(SPACE_IN_PARENTHESES.matcher(rule.fixHint()).find(), rule.id() + ": " + rule.fixHint());
        }
    }

    @Test
    void aHintEndingInAColonTakesItsOneLineCodeBlock() {
        RuleMetadata oneLine = rule("## Fix\nPin the driver:\n\n```\npsycopg2-binary==2.8.6\n```\n");
        assertEquals("Pin the driver: `psycopg2-binary==2.8.6`", oneLine.fixHint());
        RuleMetadata block = rule("## Fix\nSet these:\n\n```python\nA = 1\nB = 2\n```\n");
        assertEquals("Set these (see `deploylint explain XX001`)", block.fixHint());
    }

    private static RuleMetadata rule(String docs) {
        return new RuleMetadata("XX001", "example", Category.CONFIG, Severity.NOTE, "An example", docs, List.of(), "0.1.0");
    }
}
