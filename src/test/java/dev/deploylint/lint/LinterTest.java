package dev.deploylint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deploylint.project.DeployStyle;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {

    @TempDir
    Path root;

    /** A rule that reports once on every app it is run on. */
    private record Always(String id) implements Rule {
        @Override
        public void check(Project project, Findings findings) {
            findings.report(Location.startOf("Procfile"), "ran");
        }
    }

    private static RuleMetadata metadata(String id, AppliesTo appliesTo) {
        return new RuleMetadata(id, id.toLowerCase(), Category.PROCFILE, Severity.ERROR, "s", "d", List.of(), "0.1.0",
                Phase.WEB, appliesTo);
    }

    private static final Linter LINTER = new Linter(
            List.of(new Always("PF001"), new Always("HK006"), new Always("DB001")),
            RuleCatalog.of(List.of(metadata("PF001", AppliesTo.BUILDPACK), metadata("HK006", AppliesTo.CONTAINER),
                    metadata("DB001", AppliesTo.BOTH))));

    private List<String> ran() throws IOException {
        return LINTER.lint(Project.open(root, "heroku-24")).findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void runsOnlyTheRulesThatApplyToTheAppsDeployStyle() throws IOException {
        assertEquals(List.of("DB001", "PF001"), ran());
        Files.writeString(root.resolve("heroku.yml"), "build:\n  docker:\n    web: Dockerfile\n");
        assertEquals(List.of("DB001", "HK006"), ran());
        assertEquals(DeployStyle.Kind.CONTAINER, LINTER.lint(Project.open(root, "heroku-24")).deployStyle().kind());
    }

    /** A rule that reports {@code times} problems on line 1 of app.json, as for a minified file with that many unknown keys. */
    private record Repeats(String id, int times) implements Rule {
        @Override
        public void check(Project project, Findings findings) {
            for (int i = 0; i < times; i++) {
                findings.report(new Location("app.json", 1, 2 + 12 * i), "unknown key `k" + i + "`");
            }
        }
    }

    @Test
    void aFindingRepeatedManyTimesOnOneLineIsSummarised() throws IOException {
        Linter linter = new Linter(List.of(new Repeats("HK001", 2_000), new Repeats("DB001", 3)),
                RuleCatalog.of(List.of(metadata("HK001", AppliesTo.BOTH), metadata("DB001", AppliesTo.BOTH))));

        List<Finding> findings = linter.lint(Project.open(root, "heroku-24")).findings();

        List<String> repeated = findings.stream().filter(f -> f.ruleId().equals("HK001")).map(Finding::message).toList();
        assertEquals(List.of("unknown key `k0`", "unknown key `k1`", "unknown key `k2`", "unknown key `k3`", "unknown key `k4`",
                "and 1,995 more `hk001` findings on this line, not listed one by one: unknown key `k5`"), repeated);
        assertEquals(3, findings.stream().filter(f -> f.ruleId().equals("DB001")).count(), "a few on one line are all listed");
    }
}
