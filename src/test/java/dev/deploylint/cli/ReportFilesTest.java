package dev.deploylint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job summary is appended, so it cannot be renamed over: a link there is refused, a regular file appended to. */
class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void appendingRefusesALinkAndLeavesItsTargetAlone() throws IOException {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "mine\n");
        Path link = Files.createSymbolicLink(dir.resolve("summary.md"), victim);
        UsageException refused = assertThrows(UsageException.class, () -> ReportFiles.append(link, "## deploylint\n"));
        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count());
        assertEquals("mine\n", Files.readString(victim));
    }

    @Test
    void appendingAddsToARegularFileAndCreatesAMissingOne() throws IOException {
        Path summary = dir.resolve("summary.md");
        ReportFiles.append(summary, "one\n");
        ReportFiles.append(summary, "two\n");
        assertEquals("one\ntwo\n", Files.readString(summary));
        Files.createDirectories(dir.resolve("folder"));
        assertThrows(UsageException.class, () -> ReportFiles.append(dir.resolve("folder"), "x"));
    }

    @Test
    void replacingKeepsNoTemporaryFile() throws IOException {
        Path report = dir.resolve("report.sarif");
        ReportFiles.replace(report, "first");
        ReportFiles.replace(report, "second");
        assertEquals("second", Files.readString(report));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
