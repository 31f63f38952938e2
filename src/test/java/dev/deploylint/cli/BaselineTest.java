package dev.deploylint.cli;

import static dev.deploylint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.cli.Cli.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A baseline knows a finding by what it is about, whatever line it is anchored at and however the app's path is typed. */
class BaselineTest {

    @TempDir
    Path dir;

    /** No Procfile: PF001 is anchored at the gunicorn line of requirements.txt. */
    private Path appWithoutProcfile(String gunicorn) throws IOException {
        Path app = Files.createDirectories(dir.resolve("repo/app"));
        Files.writeString(app.resolve("requirements.txt"), "django==5.2.8\n" + gunicorn + "\n");
        Files.writeString(app.resolve(".python-version"), "3.13\n");
        return app;
    }

    @Test
    void aVersionBumpOnTheAnchorLineKeepsTheFindingKnown() throws IOException {
        Path app = appWithoutProcfile("gunicorn==22.0.0");
        Path baseline = dir.resolve("repo/baseline.json");
        Run first = run("--format", "compact", "--write-baseline", baseline.toString(), app.toString());
        assertTrue(first.out().contains("PF001 error"), first.out());
        assertEquals(ExitCode.CLEAN, first.exitCode());

        Files.writeString(app.resolve("requirements.txt"), "# pinned\ndjango==5.2.8\ngunicorn==23.0.0\n");
        Run later = run("--format", "compact", "--baseline", baseline.toString(), app.toString());
        assertEquals(ExitCode.CLEAN, later.exitCode(), later.out());
        assertTrue(!later.out().contains("PF001"), later.out());
    }

    @Test
    void pathsAreRelativeToTheBaselineFileNotToHowTheyWereTyped() throws IOException {
        Path app = appWithoutProcfile("gunicorn==23.0.0");
        Path baseline = dir.resolve("repo/baseline.json");
        assertEquals(ExitCode.CLEAN, run("--write-baseline", baseline.toString(), app.toAbsolutePath().toString()).exitCode());
        assertTrue(Files.readString(baseline).contains("\"path\" : \"app/requirements.txt\""), Files.readString(baseline));

        Path typedRelative = Path.of("").toAbsolutePath().relativize(app.toAbsolutePath());
        Run relative = run("--format", "compact", "--baseline", baseline.toString(), typedRelative.toString());
        assertEquals(ExitCode.CLEAN, relative.exitCode(), relative.out());
        Run dotted = run("--format", "compact", "--baseline", baseline.toString(), app.resolve("../app/.").toString());
        assertEquals(ExitCode.CLEAN, dotted.exitCode(), dotted.out());
    }

    @Test
    void aNewFindingOfTheSameRuleIsStillNew() throws IOException {
        Path app = appWithoutProcfile("gunicorn==23.0.0");
        Path baseline = dir.resolve("repo/baseline.json");
        run("--write-baseline", baseline.toString(), app.toString());
        Files.writeString(app.resolve(".python-version"), "3.9\n");
        Run later = run("--format", "compact", "--baseline", baseline.toString(), app.toString());
        assertEquals(ExitCode.FINDINGS, later.exitCode(), later.out());
        assertTrue(later.out().contains("PY002 error"), later.out());
    }

    @Test
    void aVersionOneBaselineAsksToBeRewritten() throws IOException {
        Path baseline = Files.writeString(dir.resolve("old.json"), "{\"version\": 1, \"findings\": []}");
        Path app = appWithoutProcfile("gunicorn==23.0.0");
        Run result = run("--baseline", baseline.toString(), app.toString());
        assertEquals(ExitCode.USAGE, result.exitCode());
        assertTrue(result.err().contains("write it again with --write-baseline"), result.err());
    }
}
