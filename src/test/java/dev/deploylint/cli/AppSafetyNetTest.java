package dev.deploylint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.rules.BuiltInRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One app's crash, even an Error the per-rule net lets through, is that app's: reported in one
 * line with exit 3, while the other apps of the same run are still reported.
 */
class AppSafetyNetTest {

    @TempDir
    Path workspace;

    /** The built-in rules, with the first one replaced by one that throws on the app folder named "bad". */
    private static List<Rule> rulesFailingOnBadWith(Supplier<Throwable> failure) {
        Rule first = BuiltInRules.ALL.get(0);
        Rule failing = new Rule() {
            @Override
            public String id() {
                return first.id();
            }

            @Override
            public void check(Project project, Findings findings) {
                if (project.root().getFileName().toString().equals("bad")) {
                    sneakyThrow(failure.get());
                }
                first.check(project, findings);
            }
        };
        List<Rule> rules = new java.util.ArrayList<>(BuiltInRules.ALL);
        rules.set(0, failing);
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    private Cli.Run runOnGoodAndBad(List<Rule> rules, String... extra) throws IOException {
        for (String name : List.of("good", "bad")) {
            Path app = Files.createDirectories(workspace.resolve(name));
            Files.writeString(app.resolve("Procfile"), "web: gunicorn app:app\n");
            Files.writeString(app.resolve("requirements.txt"), "gunicorn==23.0.0\n");
            Files.writeString(app.resolve(".python-version"), "3.13\n");
        }
        List<String> args = new java.util.ArrayList<>(List.of("--color", "never"));
        args.addAll(List.of(extra));
        args.addAll(List.of(workspace.resolve("good").toString(), workspace.resolve("bad").toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), rules);
        return new Cli.Run(code, out.toString(), err.toString());
    }

    @Test
    void anOutOfMemoryErrorInOneAppLeavesTheOtherReported() throws IOException {
        Cli.Run run = runOnGoodAndBad(rulesFailingOnBadWith(() -> new OutOfMemoryError("Java heap space")));

        assertEquals(ExitCode.INTERNAL, run.exitCode(), run.err());
        assertTrue(run.err().lines().anyMatch(line -> line.equals("deploylint: could not lint the app at " + workspace.resolve("bad")
                + ": java.lang.OutOfMemoryError: Java heap space")), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        // Both apps lack app.py: the other app's finding is still reported, the crashed app's is not.
        assertTrue(run.out().contains(workspace.resolve("good/Procfile") + ":1:15: PF005"), "the other app is reported: " + run.out());
        assertFalse(run.out().contains(workspace.resolve("bad/Procfile").toString()), run.out());
    }

    @Test
    void aCheckedExceptionInOneAppLeavesTheOtherReportedInEveryFormat() throws IOException {
        Cli.Run run = runOnGoodAndBad(rulesFailingOnBadWith(() -> new IOException("disk gone")), "--format", "json");

        assertEquals(ExitCode.INTERNAL, run.exitCode(), run.err());
        assertTrue(run.err().contains("could not lint the app at " + workspace.resolve("bad") + ": java.io.IOException: disk gone"), run.err());
        assertTrue(run.out().contains("PF005") && run.out().contains("good/Procfile"), run.out());
        assertFalse(run.out().contains("bad/Procfile"), run.out());
    }

    @Test
    void whenEveryAppCrashesNoReportClaimsThereAreNoProblems() throws IOException {
        Path sarif = workspace.resolve("report.sarif");
        Cli.Run run = runOnGoodAndBad(rulesFailingOnEveryAppWith(() -> new OutOfMemoryError("Java heap space")),
                "--format", "text", "--format", "sarif:" + sarif);

        assertEquals(ExitCode.INTERNAL, run.exitCode(), run.err());
        assertEquals("", run.out(), "no report of zero apps");
        assertFalse(Files.exists(sarif), "no empty SARIF that would close the open alerts");
        assertEquals(List.of("deploylint: could not lint the app at " + workspace.resolve("good") + ": java.lang.OutOfMemoryError: Java heap space",
                "deploylint: could not lint the app at " + workspace.resolve("bad") + ": java.lang.OutOfMemoryError: Java heap space"),
                run.err().lines().filter(line -> line.contains("could not lint")).toList());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    private static List<Rule> rulesFailingOnEveryAppWith(Supplier<Throwable> failure) {
        List<Rule> rules = new java.util.ArrayList<>(BuiltInRules.ALL);
        String id = rules.get(0).id();
        rules.set(0, new Rule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void check(Project project, Findings findings) {
                sneakyThrow(failure.get());
            }
        });
        return rules;
    }

    @Test
    void debugAddsTheCrashesStackTrace() throws IOException {
        Cli.Run run = runOnGoodAndBad(rulesFailingOnBadWith(() -> new OutOfMemoryError("Java heap space")), "--debug");

        assertEquals(ExitCode.INTERNAL, run.exitCode());
        assertTrue(run.err().contains("\tat "), run.err());
    }
}
