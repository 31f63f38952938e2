package dev.deploylint.cli;

import static dev.deploylint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.cli.Cli.Run;
import dev.deploylint.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where reports go: every mistake in an output path is a usage error in one line, before anything is linted or written. */
class OutputOptionsTest {

    @TempDir
    Path dir;

    private static final String FAILING_APP = Fixtures.ROOT.resolve("PF004/fails-worker-only").toString();

    private void assertUsageError(String expected, String... args) throws IOException {
        Run result = run(args);
        assertEquals(ExitCode.USAGE, result.exitCode(), result.err());
        assertTrue(result.err().contains(expected), result.err());
        assertEquals(1, result.err().strip().lines().count(), "one line: " + result.err());
        assertFalse(result.err().contains("internal error"), result.err());
        assertEquals("", result.out());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> !Files.isDirectory(f)).count(), "nothing was written");
        }
    }

    @Test
    void aMissingFolderIsAUsageError() throws IOException {
        assertUsageError("does not exist", "-o", dir.resolve("no/such/report.txt").toString(), FAILING_APP);
        assertUsageError("does not exist", "--format", "sarif:" + dir.resolve("no/x.sarif"), FAILING_APP);
        assertUsageError("does not exist", "--write-baseline", dir.resolve("no/b.json").toString(), FAILING_APP);
    }

    @Test
    void aFolderIsNotAFile() throws IOException {
        Files.createDirectories(dir.resolve("reports"));
        assertUsageError("is a folder", "-o", dir.resolve("reports").toString(), FAILING_APP);
        assertUsageError("is a folder", "--write-baseline", dir.resolve("reports").toString(), FAILING_APP);
    }

    @Test
    void aFormatWithAnEmptyFileNameIsAUsageError() throws IOException {
        assertUsageError("names no file", "--format", "sarif:", FAILING_APP);
    }

    @Test
    void twoFormatsIntoOneFileIsAUsageError() throws IOException {
        String file = dir.resolve("out.txt").toString();
        assertUsageError("two formats", "--format", "sarif:" + file, "--format", "json:" + file, FAILING_APP);
    }

    @Test
    void anUnusedOutputIsAUsageError() throws IOException {
        assertUsageError("is not used", "-o", dir.resolve("a.txt").toString(), "--format", "json:" + dir.resolve("b.json"), FAILING_APP);
    }

    @Test
    void dashMeansStandardOutput() {
        Run result = run("--format", "json:-", FAILING_APP);
        assertEquals(ExitCode.FINDINGS, result.exitCode(), result.err());
        assertTrue(result.out().contains("\"ruleId\": \"PF004\""), result.out());
        assertFalse(Files.exists(Path.of("-")), "no file named -");
    }

    @Test
    void writingABaselineSucceedsAndOverlappingPathsLintAnAppOnce() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        Run result = run("--format", "compact", "--write-baseline", baseline.toString(), FAILING_APP, FAILING_APP + "/.");
        assertEquals(ExitCode.CLEAN, result.exitCode(), result.err());
        assertEquals(1, result.out().lines().filter(l -> l.contains("PF004 error")).count(), result.out());
        assertTrue(Files.readString(baseline).contains("\"PF004\""));
    }
}
