package dev.deploylint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.project.InlineSuppressions.Suppression;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppression comments are matched by line, so many findings against many comments stay linear. */
class SuppressorTest {

    @TempDir
    Path root;

    private static RuleMetadata metadata(String id) {
        return new RuleMetadata(id, id.toLowerCase(), Category.DEPENDENCIES, Severity.WARNING, "s", "d", List.of(), "0.1.0",
                Phase.BUILD, AppliesTo.BOTH);
    }

    private static final RuleCatalog CATALOG = RuleCatalog.of(List.of(metadata("RQ001"), metadata("RQ002"), metadata("DL004")));

    /** The lookups matching {@code findings} findings against five times as many comments examines. */
    private static long examined(int findings) {
        List<Suppression> suppressions = new ArrayList<>();
        for (int line = 1; line <= 5 * findings; line++) {
            suppressions.add(new Suppression(new Location("requirements.txt", line, 10), line, Set.of("RQ001"), "why", null));
        }
        SuppressionIndex index = new SuppressionIndex(suppressions);
        for (int i = 0; i < findings; i++) {
            assertEquals(1, index.on("requirements.txt", 5 * i + 1).size());
        }
        return index.examined();
    }

    @Test
    void matchingGrowsWithTheFindingsNotWithFindingsTimesComments() {
        long tenfold = examined(200);
        long hundredfold = examined(2_000);

        assertTrue(hundredfold < 20 * tenfold, tenfold + " -> " + hundredfold);
    }

    @Test
    void twentyThousandFindingsAgainstAHundredThousandCommentsAreMatchedByLine() throws IOException {
        StringBuilder requirements = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            requirements.append("pkg").append(i).append(">=1  # deploylint: ignore[RQ001] reviewed\n");
        }
        Files.writeString(root.resolve("requirements.txt"), requirements);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            findings.add(new Finding(i % 2 == 0 ? "RQ001" : "RQ002", Severity.WARNING, new Location("requirements.txt", 5 * i + 1, 1),
                    "m", List.of()));
        }
        Project project = Project.open(root, "heroku-24");

        List<Finding> result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Suppressor.apply(project, findings, CATALOG));

        assertEquals(10_000, result.stream().filter(f -> f.suppressed()).count(), "every RQ001 on a commented line");
        assertEquals(10_000, result.stream().filter(f -> f.ruleId().equals("RQ002")).filter(f -> !f.suppressed()).count());
        assertEquals(90_000, result.stream().filter(f -> f.ruleId().equals("DL004")).count(), "the comments that silenced nothing");
    }
}
