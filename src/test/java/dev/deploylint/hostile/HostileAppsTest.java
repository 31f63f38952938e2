package dev.deploylint.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs that once ended in a raw stack trace and exit 1: each is built on a copy of an
 * example app, run beside a second, clean copy, and judged by what the user sees: the exit code,
 * one line on stderr, no stack trace, and the clean app still reported.
 */
class HostileAppsTest {

    private static final Path EXAMPLE = Path.of("fixtures/apps/heroku-django-today");

    @TempDir
    Path workspace;

    private Path good;
    private Path bad;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void copyExampleApps() throws IOException {
        good = copy("good");
        bad = copy("bad");
    }

    private Path copy(String name) throws IOException {
        Path target = workspace.resolve(name);
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(EXAMPLE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true)));
        return new Run(code, out.toString(), err.toString());
    }

    private Run checkBoth(String... extra) {
        String[] args = Stream.concat(Stream.of("--color", "never"), Stream.concat(Stream.of(extra), Stream.of(good.toString(), bad.toString())))
                .toArray(String[]::new);
        return run(args);
    }

    private static void assertNoStackTrace(Run run) {
        assertFalse(run.err().contains("\tat ") || run.out().contains("\tat "), "no stack trace: " + run.err());
    }

    private void assertBothReported(Run run) {
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, "exit " + run.exitCode() + ": " + run.err());
        assertNoStackTrace(run);
        assertTrue(run.out().contains(good + ": deploy:"), "the clean app is reported: " + run.out());
        assertTrue(run.out().contains(bad + ": deploy:"), "the hostile app is reported: " + run.out());
    }

    private void appendSettings(String python) throws IOException {
        Files.writeString(bad.resolve("myproject/settings.py"), python, StandardOpenOption.APPEND);
    }

    @Test
    void elifChainsOfFiveThousandBranchesAreEvaluated() throws IOException {
        appendSettings(elifChain("os.environ.get('BRANCH')", "CHOSEN = -1") + elifChain("'none of them'", "DEBUG = True"));

        Run run = checkBoth("--format", "text");

        assertBothReported(run);
        // The second chain's tests are all certainly false, so its else runs and the rules see DEBUG = True.
        assertTrue(run.out().contains(bad.resolve("myproject/settings.py") + ":") && run.out().contains("DJ003"), run.out());
        assertFalse(run.out().contains(good.resolve("myproject/settings.py").toString()), run.out());
    }

    private static String elifChain(String subject, String otherwise) {
        StringBuilder chain = new StringBuilder("\nBRANCH = " + subject + "\nif BRANCH == '0':\n    CHOSEN = 0\n");
        for (int i = 1; i < 5000; i++) {
            chain.append("elif BRANCH == '").append(i).append("':\n    CHOSEN = ").append(i).append('\n');
        }
        return chain.append("else:\n    ").append(otherwise).append('\n').toString();
    }

    @Test
    void settingsThatDoubleAValueSixtyFourTimesAreEvaluatedQuicklyAndRulesStaySilent() throws IOException {
        appendSettings("\nL = ['x']\nS = 'a'\nD = {}\n" + "L += L\nL.extend(L)\nS = S + S\nD['k'] = [D, D]\n".repeat(64)
                + "ALLOWED_HOSTS = L\nSECRET_KEY = S\nDATABASES = D\n");

        long start = System.nanoTime();
        Run run = checkBoth("--format", "text");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertBothReported(run);
        assertTrue(seconds < 20, "took " + seconds + " s");
        // Unknown, too large: no rule reports the settings built from them.
        assertFalse(run.out().contains(bad.resolve("myproject/settings.py").toString()), run.out());
    }

    @Test
    void aSettingsLiteralOfHalfAMillionItemsIsReadInBoundedTimeAndIsUnknown() throws IOException {
        StringBuilder hosts = new StringBuilder("\nALLOWED_HOSTS = [");
        for (int i = 0; i < 500_000; i++) {
            hosts.append("'h").append(i).append(".example.com', ");
        }
        appendSettings(hosts.append("]\nDEBUG = True\n").toString());

        long start = System.nanoTime();
        Run run = checkBoth("--format", "text");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertBothReported(run);
        assertTrue(seconds < 30, "took " + seconds + " s");
        // The statement after the literal is read where it is; the shortened literal itself is unknown, so silent.
        String settings = bad.resolve("myproject/settings.py").toString();
        assertTrue(run.out().lines().anyMatch(line -> line.startsWith(settings + ":") && line.contains("DJ003")), run.out());
        assertEquals(1, run.out().lines().filter(line -> line.startsWith(settings + ":")).count(), run.out());
    }

    @Test
    void aRequirementsIncludeChainThreeThousandFilesDeepIsRead() throws IOException {
        Files.createDirectories(bad.resolve("req"));
        Files.writeString(bad.resolve("requirements.txt"), "-r req/0.txt\n", StandardOpenOption.APPEND);
        for (int i = 0; i < 3000; i++) {
            Files.writeString(bad.resolve("req/" + i + ".txt"), i < 2999 ? "-r " + (i + 1) + ".txt\n" : "django==1.11\n");
        }

        Run run = checkBoth("--format", "json");

        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, "exit " + run.exitCode() + ": " + run.err());
        assertNoStackTrace(run);
        // The pin at the bottom of the chain is read: a second, conflicting Django pin is reported.
        assertTrue(run.out().contains("req/2999.txt"), "the deepest include is read: " + run.out());
    }

    @Test
    void aConfigurationFileOverOneMebibyteIsAUsageErrorWithoutBeingRead() throws IOException {
        sparseFile(bad.resolve(".deploylint.yml"), 3L << 30);

        Run run = checkBoth();

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("deploylint: ") && run.err().contains("larger than 1 MiB"), run.err());
    }

    @Test
    void aBaselineOverSixtyFourMebibytesIsAUsageErrorWithoutBeingRead() throws IOException {
        Path baseline = workspace.resolve("baseline.json");
        sparseFile(baseline, 3L << 30);

        Run run = checkBoth("--baseline", baseline.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("deploylint: --baseline ") && run.err().contains("larger than 64 MiB"), run.err());
    }

    @Test
    void anErrorOutsideEveryAppIsOneLineAndExitThree() {
        Run run = checkWithBrokenStandardOutput();

        assertEquals(3, run.exitCode());
        assertNoStackTrace(run);
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("deploylint: internal error: java.lang.OutOfMemoryError: standard output"), run.err());
    }

    @Test
    void debugPrintsTheStackTraceOfAnError() {
        Run run = checkWithBrokenStandardOutput("--debug");

        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    /** A run whose standard output fails with an Error, thrown where no per-app net can catch it. */
    private Run checkWithBrokenStandardOutput(String... extra) {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                throw new OutOfMemoryError("standard output");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        String[] args = Stream.concat(Stream.of(extra), Stream.of("--color", "never", good.toString())).toArray(String[]::new);
        int code = Main.run(args, new PrintWriter(broken, true), new PrintWriter(err, true));
        return new Run(code, "", err.toString());
    }

    /** The compact lines of the run's output about {@code app}, paths relative to it. */
    private static List<String> findingsOf(Run run, Path app) {
        String prefix = app + "/";
        return run.out().lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length())).toList();
    }

    private void assertCleanAppUntouched(Run run) {
        assertNoStackTrace(run);
        assertEquals(List.of(), findingsOf(run, good).stream().filter(line -> !line.contains(" note: ")).toList(), run.out());
    }

    @Test
    void aFolderNamedProcfileIsAMissingProcfile() throws IOException {
        Files.delete(bad.resolve("Procfile"));
        Files.createDirectories(bad.resolve("Procfile"));
        Files.writeString(bad.resolve("Procfile/web"), "web: gunicorn myproject.wsgi\n");

        Run run = checkBoth("--format", "compact");

        assertEquals(1, run.exitCode(), run.err());
        assertCleanAppUntouched(run);
        assertTrue(findingsOf(run, bad).contains("Procfile:1:1: PF001 error: `Procfile` is a folder, not a file, so Heroku reads no"
                + " process types and starts no web dyno for this Python app; rename the folder and add a `Procfile` file with"
                + " `web: gunicorn myproject.wsgi`"), run.out());
    }

    @Test
    void aFifoNamedProcfileIsAMissingProcfileAndIsNeverOpened() throws IOException, InterruptedException {
        Files.delete(bad.resolve("Procfile"));
        assertEquals(0, new ProcessBuilder("mkfifo", bad.resolve("Procfile").toString()).start().waitFor());

        Run run = checkBoth("--format", "compact");

        assertEquals(1, run.exitCode(), run.err());
        assertCleanAppUntouched(run);
        assertTrue(findingsOf(run, bad).stream().anyMatch(line -> line.startsWith("Procfile:1:1: PF001 error: `Procfile` is a FIFO,"
                + " socket or device file, which git cannot store, so the pushed app has no Procfile")), run.out());
    }

    @Test
    void aPackageReachedThroughALinkToAFolderInsideTheAppIsFound() throws IOException {
        Files.createDirectories(bad.resolve("src"));
        Files.move(bad.resolve("myproject"), bad.resolve("src/myproject"));
        Files.createSymbolicLink(bad.resolve("myproject"), Path.of("src/myproject"));
        Files.createSymbolicLink(bad.resolve("src/loop"), Path.of(".."));
        Files.createSymbolicLink(bad.resolve("outside"), workspace);

        Run run = checkBoth("--format", "compact");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertCleanAppUntouched(run);
        assertEquals(findingsOf(run, good), findingsOf(run, bad), "the same findings as the clean copy: no PF005 or DJ001");
    }

    @Test
    void requirementsIncludesThatPipCannotOpenAreReported() throws IOException {
        Files.writeString(bad.resolve("requirements.txt"), "-r requirements/production.txt\n-r ../shared.txt\n",
                StandardOpenOption.APPEND);
        Files.writeString(workspace.resolve("shared.txt"), "django==5.2\n");

        Run run = checkBoth("--format", "compact");

        assertEquals(1, run.exitCode(), run.err());
        assertCleanAppUntouched(run);
        List<String> reported = findingsOf(run, bad);
        assertTrue(reported.stream().anyMatch(line -> line.matches("requirements\\.txt:6:1: DL006 error: `-r requirements/production.txt`"
                + " names a file that is not in the app .*pip stops with \"Could not open requirements file\".*")), run.out());
        assertTrue(reported.stream().anyMatch(line -> line.startsWith("requirements.txt:7:1: DL006 warning: `-r ../shared.txt` leaves"
                + " the app")), run.out());
    }

    private static void assertUsageError(Run run, String expectedPart) {
        assertEquals(2, run.exitCode(), run.err());
        assertNoStackTrace(run);
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("deploylint: ") && run.err().contains(expectedPart), run.err());
    }

    @Test
    void aConfigurationFileThatIsAFolderIsAUsageError() throws IOException {
        Files.createDirectories(bad.resolve(".deploylint.yml"));

        assertUsageError(checkBoth(), bad.resolve(".deploylint.yml") + " is a folder, not a configuration file");
    }

    @Test
    void aConfigurationFileThatIsAFifoIsAUsageErrorAndIsNeverOpened() throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("mkfifo", bad.resolve(".deploylint.yml").toString()).start().waitFor());

        assertUsageError(checkBoth(), "is a FIFO, socket or device file, not a configuration file");
    }

    @Test
    void aConfigurationFileThatIsADanglingLinkNamesItsTarget() throws IOException {
        Files.createSymbolicLink(bad.resolve(".deploylint.yml"), Path.of("config/deploylint.yml"));

        assertUsageError(checkBoth(), "is a symbolic link to config/deploylint.yml, which does not exist");
    }

    @Test
    void aConfigurationFileLinkedOutOfTheAppIsNotRead() throws IOException {
        Path secret = Files.writeString(workspace.resolve("secret.yml"), "select: [TOP-SECRET-VALUE\n");
        Files.createSymbolicLink(bad.resolve(".deploylint.yml"), secret);

        Run run = checkBoth();

        assertUsageError(run, "is a symbolic link to a file outside " + bad + ", so it was not read");
        assertFalse(run.err().contains("TOP-SECRET-VALUE"), run.err());
    }

    @Test
    void aUtf16ConfigurationFileIsNamedAsSuch() throws IOException {
        Files.write(bad.resolve(".deploylint.yml"), "fail-on: warning\n".getBytes(java.nio.charset.StandardCharsets.UTF_16));

        Run run = checkBoth();

        assertUsageError(run, ".deploylint.yml is encoded as UTF-16; save it as UTF-8");
        assertFalse(run.err().contains("Input length"), run.err());
    }

    @Test
    void anEmptyPathIsAUsageErrorNotTheCurrentFolder() {
        Run run = run("--color", "never", good.toString(), "");

        assertUsageError(run, "an empty path was given");
        assertEquals("", run.out());
    }

    @Test
    void aJsonErrorSaysWhatJsonAllowsWithoutNamingParserOptions() throws IOException {
        Files.writeString(bad.resolve("app.json"), "{\n  // the review app\n  \"name\": \"x\"\n}\n");
        Files.writeString(bad.resolve("package.json"), "{\"engines\": {\"node\": NaN}}\n");

        Run run = checkBoth("--format", "compact");

        assertEquals(1, run.exitCode(), run.err());
        assertCleanAppUntouched(run);
        List<String> reported = findingsOf(run, bad);
        assertTrue(reported.stream().anyMatch(line -> line.startsWith("app.json:2:3: DL002 warning:") && line.contains("JSON allows no comments")),
                run.out());
        assertTrue(reported.stream().anyMatch(line -> line.startsWith("package.json:") && line.contains("JSON has no NaN or Infinity")),
                run.out());
        assertFalse(run.out().contains("ALLOW_") || run.out().contains("Feature"), run.out());
    }

    @Test
    void aDanglingLinkInTheAppNamesWhereItPoints() throws IOException {
        Files.delete(bad.resolve("requirements.txt"));
        Files.createSymbolicLink(bad.resolve("requirements.txt"), Path.of("requirements/base.txt"));

        Run run = checkBoth("--format", "compact");

        assertCleanAppUntouched(run);
        assertTrue(findingsOf(run, bad).stream().anyMatch(line -> line.contains("DL001") && line.contains(
                "`requirements.txt` is a symbolic link to `requirements/base.txt`, which does not exist")), run.out());
    }

    @Test
    void twoThousandUnknownKeysOnOneLineAreSummarisedNotListed() throws IOException {
        StringBuilder json = new StringBuilder("{\"name\": \"x\"");
        for (int i = 0; i < 2_000; i++) {
            json.append(", \"key").append(i).append("\": ").append(i);
        }
        Files.writeString(bad.resolve("app.json"), json.append("}\n"));

        Run run = checkBoth("--format", "compact");

        assertCleanAppUntouched(run);
        List<String> reported = findingsOf(run, bad).stream().filter(line -> line.startsWith("app.json:1:")).toList();
        assertEquals(6, reported.size(), run.out());
        assertTrue(reported.get(5).contains("HK001 warning: and 1,995 more `app-json-invalid` findings on this line, not listed one by one:"),
                reported.get(5));
        assertTrue(run.out().length() < 20_000, "a short report: " + run.out().length());
    }

    /** A file of {@code size} bytes that takes no disk space: reading it whole would exhaust the heap. */
    private static void sparseFile(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }
}
