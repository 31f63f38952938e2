package dev.deploylint.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.Fixtures;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Linter;
import dev.deploylint.project.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apps made of hostile files, generated here rather than committed: every one must be linted to
 * the end, within a time bound, without a rule crashing and without anything written into the app.
 */
class HostileInputTest {

    @TempDir
    Path app;

    private List<Finding> lint() throws IOException {
        Set<String> before = listing();
        Linter.LintResult result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Fixtures.LINTER.lint(Project.open(app, "heroku-24")));
        assertEquals(List.of(), result.failures(), "no rule may crash");
        assertEquals(before, listing(), "nothing is written into the app");
        assertCommandLineCopes();
        assertEquals(before, listing(), "nothing is written into the app by the command either");
        return result.findings();
    }

    /** The whole command, every report format at once: exit code 0 or 1 and no stack trace. */
    private void assertCommandLineCopes() {
        for (String format : List.of("text", "sarif", "json")) {
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> dev.deploylint.cli.Main.run(
                    new String[] {"--format", format, "--color", "never", app.toString()},
                    new java.io.PrintWriter(out), new java.io.PrintWriter(err)));
            assertTrue(code == 0 || code == 1, "exit code " + code + " with " + format + ": " + err);
            assertTrue(!err.toString().contains("\tat ") && !out.toString().contains("\tat "), "no stack trace: " + err);
        }
    }

    private Set<String> listing() throws IOException {
        try (Stream<Path> files = Files.walk(app)) {
            Set<String> names = new TreeSet<>();
            files.forEach(p -> names.add(app.relativize(p) + ":" + (Files.isSymbolicLink(p) ? "link" : p.toFile().length())));
            return names;
        }
    }

    private void djangoApp() throws IOException {
        Files.createDirectories(app.resolve("mysite"));
        Files.writeString(app.resolve("manage.py"), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
        Files.writeString(app.resolve("mysite/__init__.py"), "");
        Files.writeString(app.resolve("requirements.txt"), "django==5.2.8\ngunicorn==23.0.0\n");
        Files.writeString(app.resolve("Procfile"), "web: gunicorn mysite.wsgi\n");
        Files.writeString(app.resolve(".python-version"), "3.14\n");
    }

    private static boolean reports(List<Finding> findings, String rule, String path) {
        return findings.stream().anyMatch(f -> f.ruleId().equals(rule) && f.location().path().equals(path));
    }

    @Test
    void binaryAndBadlyEncodedConfigFiles() throws IOException {
        djangoApp();
        Files.write(app.resolve("mysite/settings.py"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        Files.write(app.resolve("runtime.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 'p', 0, 'y', 0});
        Files.write(app.resolve("Pipfile.lock"), "{\"_meta\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(app.resolve("app.json"), new byte[0]);
        List<Finding> findings = lint();
        assertTrue(reports(findings, "DL001", "mysite/settings.py"), findings.toString());
        assertTrue(reports(findings, "DL001", "runtime.txt"), findings.toString());
        assertTrue(reports(findings, "DL001", "Pipfile.lock"), findings.toString());
        assertTrue(reports(findings, "DL002", "app.json"), findings.toString());
    }

    @Test
    void lineEndingsEmptyFilesAndLongLines() throws IOException {
        djangoApp();
        Files.writeString(app.resolve("Procfile"), "web: gunicorn mysite.wsgi\rworker: python w.py\r");
        Files.writeString(app.resolve("mysite/settings.py"), "X = '" + "a".repeat(200_000) + "'\r\nINSTALLED_APPS = []\r\n");
        Files.writeString(app.resolve("requirements.txt"), "");
        Files.writeString(app.resolve(".python-version"), "");
        List<Finding> findings = lint();
        assertTrue(reports(findings, "PY001", ".python-version"), findings.toString());
    }

    @Test
    void deepNesting() throws IOException {
        djangoApp();
        Files.writeString(app.resolve("mysite/settings.py"), "X = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        Files.writeString(app.resolve("app.json"), "[".repeat(10_000) + "]".repeat(10_000));
        Files.writeString(app.resolve("pyproject.toml"), "a = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        List<Finding> findings = lint();
        assertTrue(reports(findings, "DL002", "app.json"), findings.toString());
    }

    @Test
    void symbolicLinksAreNotFollowedOutOfTheApp(@TempDir Path outside) throws IOException {
        djangoApp();
        Path secret = Files.writeString(outside.resolve("secret.txt"), "django==1.0\n");
        Files.delete(app.resolve("requirements.txt"));
        Files.createSymbolicLink(app.resolve("requirements.txt"), secret);
        Files.createSymbolicLink(app.resolve("loop"), app.resolve("loop"));
        Files.createSymbolicLink(app.resolve("mysite/self"), app.resolve("mysite"));
        List<Finding> findings = lint();
        assertTrue(reports(findings, "DL001", "requirements.txt"), findings.toString());
        assertTrue(findings.stream().noneMatch(f -> f.message().contains("1.0")), "the file outside the app was not read");
    }

    @Test
    void fifosAndOddNames() throws IOException, InterruptedException {
        djangoApp();
        Process mkfifo = new ProcessBuilder("mkfifo", app.resolve("runtime.txt").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        Files.writeString(app.resolve("r\u00e9sum\u00e9 \u6587\u4ef6.py"), "X = 1\n");
        Files.createDirectories(app.resolve("dir with spaces/\u00fc"));
        lint();
    }

    @Test
    void aFileWhereAFolderIsExpected() throws IOException {
        djangoApp();
        Files.writeString(app.resolve("mysite/settings"), "not a package\n");
        Files.createDirectories(app.resolve("Pipfile"));
        lint();
    }

    /** A billion-laughs document: nine levels of nine aliases, 9^9 nodes if anything expanded it. */
    private static String yamlBomb(String firstKey) {
        StringBuilder yaml = new StringBuilder(firstKey + ":\n  a0: &a0 [\"lol\"]\n");
        for (int level = 1; level < 9; level++) {
            String previous = "*a" + (level - 1);
            yaml.append("  a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        return yaml.toString();
    }

    @Test
    void yamlBombsAreRefusedNotExpanded() throws IOException {
        djangoApp();
        Files.writeString(app.resolve("heroku.yml"), yamlBomb("build"));
        List<Finding> findings = lint();
        assertTrue(findings.stream().anyMatch(f -> f.location().path().equals("heroku.yml") && f.message().contains("heroku.yml")),
                findings.toString());
    }

    @Test
    void aYamlBombInTheConfigurationFileIsAUsageErrorNamingTheFile() throws IOException {
        djangoApp();
        Files.writeString(app.resolve(".deploylint.yml"), yamlBomb("severity"));
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> dev.deploylint.cli.Main.run(
                new String[] {app.toString()}, new java.io.PrintWriter(out), new java.io.PrintWriter(err)));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains(".deploylint.yml"), err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void unreadableFilesAndFolders() throws IOException {
        djangoApp();
        Path settings = Files.writeString(app.resolve("mysite/settings.py"), "DEBUG = True\n");
        Path requirements = app.resolve("requirements.txt");
        Path hidden = Files.createDirectories(app.resolve("locked"));
        Files.writeString(hidden.resolve("Procfile"), "web: gunicorn x.wsgi\n");
        java.util.Set<java.nio.file.attribute.PosixFilePermission> none = java.util.Set.of();
        Files.setPosixFilePermissions(settings, none);
        Files.setPosixFilePermissions(requirements, none);
        Files.setPosixFilePermissions(hidden, none);
        try {
            List<Finding> findings = lint();
            if (Files.isReadable(requirements)) {
                // Root reads whatever the permissions say: then the files count as ordinary files.
                // UnprivilegedUserTest runs the command as an unprivileged user to assert the other branch.
                assertTrue(reports(findings, "DJ003", "mysite/settings.py"), findings.toString());
            } else {
                assertTrue(reports(findings, "DL001", "requirements.txt"), findings.toString());
                assertTrue(reports(findings, "DL001", "mysite/settings.py"), findings.toString());
            }
        } finally {
            Files.setPosixFilePermissions(hidden, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(settings, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(requirements, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aDeviceFileNamedLikeAConfigFileIsNotRead() throws IOException, InterruptedException {
        djangoApp();
        Files.delete(app.resolve("requirements.txt"));
        // /dev/zero never ends: reading it would hang the lint. Only root may create device files.
        Process mknod = new ProcessBuilder("mknod", app.resolve("requirements.txt").toString(), "c", "1", "5")
                .redirectErrorStream(true).start();
        boolean created = mknod.waitFor() == 0;
        if (!created) {
            Files.createSymbolicLink(app.resolve("requirements.txt"), Path.of("/dev/zero"));
        }
        List<Finding> findings = lint();
        assertTrue(reports(findings, "DL001", "requirements.txt"), findings.toString());
    }
}
