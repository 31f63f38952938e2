package dev.deploylint.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.Fixtures;
import dev.deploylint.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile repository or a hostile environment can do to deploylint's output channels: nothing. */
class SafeOutputCliTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path app() throws IOException {
        Path app = dir.resolve("app");
        Files.createDirectories(app);
        Files.writeString(app.resolve("Procfile"), "web: gunicorn app.wsgi\n");
        Files.writeString(app.resolve("requirements.txt"), "gunicorn==22.0.0\n");
        return app;
    }

    @Test
    void aConfigValueReachesStandardErrorWithoutItsEscapes() throws IOException {
        Path app = app();
        Files.writeString(app.resolve(".deploylint.yml"), "fail-on: \"\\e]0;pwned\\a\\e[2J\"\n", StandardCharsets.UTF_8);
        Run result = run(app.toString());
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("pwned"), "the value is named: " + result.err());
        assertFalse(result.err().contains("\u001b") || result.err().contains("\u0007"), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
    }

    @Test
    void aReportFilePlantedAsALinkIsReplacedNotFollowed() throws IOException {
        Path app = app();
        Path victim = dir.resolve("outside/.bashrc");
        Files.createDirectories(victim.getParent());
        Files.writeString(victim, "export PATH=/usr/bin\n");
        String[][] outputs = {
            {"-o", "report.txt"},
            {"--format", "sarif:report.sarif"},
            {"--format", "text", "--format", "json:report.json"},
            {"--write-baseline", "baseline.json"}};
        for (String[] option : outputs) {
            String name = option[option.length - 1].substring(option[option.length - 1].indexOf(':') + 1);
            Path link = app.resolve(name);
            Files.createSymbolicLink(link, victim);
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(option).map(a -> a.contains(name) ? a.replace(name, link.toString()) : a),
                    java.util.stream.Stream.of(app.toString())).toArray(String[]::new);
            Run result = run(args);
            assertTrue(result.exitCode() <= 1, result.err());
            assertEquals("export PATH=/usr/bin\n", Files.readString(victim), "the link's target is untouched by " + String.join(" ", args));
            assertFalse(Files.isSymbolicLink(link), "the link was replaced by the report");
            assertTrue(Files.size(link) > 0, "the report was written");
            try (var left = Files.list(app)) {
                assertEquals(0, left.filter(f -> f.getFileName().toString().endsWith(".tmp")).count(), "no temporary file is left");
            }
            Files.delete(link);
        }
    }

    /** Standard output on a full disk or a closed pipe: every write fails. */
    private static Run runWithBrokenStandardOutput(String... args) {
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(new java.io.OutputStreamWriter(broken, StandardCharsets.UTF_8), true),
                new PrintWriter(err, true));
        return new Run(code, "", err.toString());
    }

    @Test
    void aFailedWriteToStandardOutputIsExitThreeWithOneLine() throws IOException {
        Path clean = app();
        for (String[] args : new String[][] {{clean.toString()}, {"--format", "sarif", clean.toString()}, {"rules"},
            {"rules", "--markdown"}, {"explain", "PF001"}, {"config", clean.toString()}}) {
            Run result = runWithBrokenStandardOutput(args);
            assertEquals(3, result.exitCode(), String.join(" ", args) + ": " + result.err());
            assertEquals(1, result.err().lines().filter(l -> l.contains("cannot write to standard output")).count(), result.err());
            assertFalse(result.err().contains("\tat ") || result.err().contains("internal error"), "no stack trace: " + result.err());
        }
        assertEquals(0, run("rules").exitCode(), "a working standard output is still exit 0");
    }
}
