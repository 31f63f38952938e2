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
}
