package dev.deploylint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.lint.Category;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Linter;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lints the Heroku Python buildpack's own test apps, recreated under
 * {@code fixtures/buildpack-parity/}, and compares deploylint's verdict with the buildpack's
 * (listed in {@code outcomes.tsv}): an app the buildpack rejects must get an error in the expected
 * category, an app it builds must get no error. The known disagreements must still disagree, so a
 * rule that fixes one makes this test fail until the list and the README are updated.
 */
class BuildpackParityTest {

    private static final Path SUITE = Fixtures.ROOT.resolve("buildpack-parity");
    private static final String STACK = "heroku-24";

    /** One line of outcomes.tsv; {@code category} is null for '-'; {@code disagreement} is empty when deploylint agrees. */
    record Scenario(String name, boolean fails, String message, Category category, String disagreement) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Scenario> scenarios() {
        try {
            List<Scenario> scenarios = new ArrayList<>();
            for (String line : Files.readAllLines(SUITE.resolve("outcomes.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("name\t")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                assertEquals(5, cells.length, () -> "outcomes.tsv needs 5 columns: " + line);
                assertTrue(cells[1].equals("passes") || cells[1].equals("fails"), () -> "outcome: " + line);
                Category category = cells[3].equals("-") ? null : Category.parse(cells[3]);
                scenarios.add(new Scenario(cells[0], cells[1].equals("fails"), cells[2], category, cells[4]));
            }
            return scenarios;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Linter.LintResult lint(Scenario scenario) throws IOException {
        return Fixtures.LINTER.lint(Project.open(SUITE.resolve(scenario.name()), STACK));
    }

    private static List<Finding> errors(Linter.LintResult result) {
        return result.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** deploylint's verdict matches the buildpack's; a crashed rule never agrees. */
    static boolean agrees(Scenario scenario, Linter.LintResult result) {
        if (!result.failures().isEmpty()) {
            return false;
        }
        List<Finding> errors = errors(result);
        if (!scenario.fails()) {
            return errors.isEmpty();
        }
        return scenario.category() != null && errors.stream()
                .anyMatch(f -> Fixtures.CATALOG.get(f.ruleId()).category() == scenario.category());
    }

    private static String describe(Linter.LintResult result) {
        String errors = errors(result).stream()
                .map(f -> f.location().path() + ":" + f.location().line() + ": " + f.ruleId() + " " + f.message())
                .collect(Collectors.joining("\n  ", "errors:\n  ", ""));
        return result.failures().isEmpty() ? errors : errors + "\ncrashed rules: " + result.failures();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void verdictMatchesTheBuildpack(Scenario scenario) throws IOException {
        Linter.LintResult result = lint(scenario);
        assertTrue(result.failures().isEmpty() || scenario.disagreement().startsWith("crash"),
                () -> "rules crashed on " + scenario.name() + ": " + result.failures()
                        + " (a known crash is a known_disagreement starting with 'crash')");
        boolean agrees = agrees(scenario, result);
        if (scenario.disagreement().isEmpty()) {
            assertTrue(agrees, () -> "the buildpack " + (scenario.fails() ? "rejects " : "builds ") + scenario.name()
                    + " (" + scenario.message() + "), deploylint does not agree; " + describe(result));
        } else {
            assertFalse(agrees, () -> scenario.name() + " now agrees with the buildpack: clear its known_disagreement"
                    + " in outcomes.tsv and update the README's Buildpack parity section");
        }
    }

    @Test
    void everyAppHasOneOutcomeAndNoExpectedFile() throws IOException {
        List<String> names = scenarios().stream().map(Scenario::name).sorted().toList();
        List<String> folders;
        try (Stream<Path> children = Files.list(SUITE)) {
            folders = children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(folders, names, "folders under fixtures/buildpack-parity and rows of outcomes.tsv");
        assertEquals(77, names.size(), "the buildpack's spec/fixtures has 77 apps");
        try (Stream<Path> files = Files.walk(SUITE)) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".expected")).toList(),
                    "FixtureTest would run these apps");
        }
    }

    @Test
    void readmeStatesTheAgreementAndEveryDisagreement() throws IOException {
        List<Scenario> scenarios = scenarios();
        long agreeing = 0;
        for (Scenario scenario : scenarios) {
            if (agrees(scenario, lint(scenario))) {
                agreeing++;
            }
        }
        String readme = Files.readString(Path.of(System.getProperty("deploylint.readme", "README.md")), StandardCharsets.UTF_8);
        String claim = agreeing + " of " + scenarios.size() + " scenarios agree";
        assertTrue(readme.contains(claim), () -> "README.md should say \"" + claim + "\"");
        for (Scenario scenario : scenarios) {
            if (!scenario.disagreement().isEmpty()) {
                assertTrue(readme.contains("| `" + scenario.name() + "` |"),
                        () -> "README.md's disagreement table lacks " + scenario.name());
            }
        }
    }
}
