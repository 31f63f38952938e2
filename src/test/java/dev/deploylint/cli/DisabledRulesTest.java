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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule that the configuration, --select or --ignore turns off is never run, so it costs nothing. */
class DisabledRulesTest {

    @TempDir
    Path app;

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    /** The built-in rules, each counting how often it runs. */
    private List<Rule> countingRules() {
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : BuiltInRules.ALL) {
            rules.add(new Rule() {
                @Override
                public String id() {
                    return rule.id();
                }

                @Override
                public void check(Project project, Findings findings) {
                    runs.computeIfAbsent(rule.id(), id -> new AtomicInteger()).incrementAndGet();
                    rule.check(project, findings);
                }
            });
        }
        return rules;
    }

    private Cli.Run check(String... options) throws IOException {
        Files.writeString(app.resolve("Procfile"), "web: gunicorn app:app\nweb: gunicorn app:app --workers 2\n");
        Files.writeString(app.resolve("requirements.txt"), "gunicorn==23.0.0\n");
        Files.writeString(app.resolve(".python-version"), "3.13\n");
        List<String> args = new ArrayList<>(List.of("--format", "compact"));
        args.addAll(List.of(options));
        args.add(app.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), countingRules());
        return new Cli.Run(code, out.toString(), err.toString());
    }

    private int runsOf(String id) {
        AtomicInteger count = runs.get(id);
        return count == null ? 0 : count.get();
    }

    @Test
    void everyRuleRunsWhenNothingIsTurnedOff() throws IOException {
        Cli.Run run = check();

        assertTrue(run.out().contains("PF008"), run.out());
        assertEquals(1, runsOf("PF008"));
        assertEquals(1, runsOf("PF005"));
    }

    @Test
    void ignoredRulesDoNotRun() throws IOException {
        Cli.Run run = check("--ignore", "PF008,dependencies");

        assertFalse(run.out().contains("PF008"), run.out());
        assertEquals(0, runsOf("PF008"));
        assertEquals(0, runsOf("RQ001"), "a category turns off each of its rules");
        assertEquals(1, runsOf("PF005"));
    }

    @Test
    void onlySelectedRulesRun() throws IOException {
        check("--select", "procfile");

        assertEquals(1, runsOf("PF008"));
        assertTrue(runs.keySet().stream().allMatch(id -> id.startsWith("PF")), runs.keySet().toString());
    }

    @Test
    void rulesTheConfigFileIgnoresDoNotRun() throws IOException {
        Files.writeString(app.resolve(".deploylint.yml"), "ignore: [PF008]\n");

        check();

        assertEquals(0, runsOf("PF008"));
        assertEquals(1, runsOf("PF005"));
    }

    @Test
    void aSuppressionOfATurnedOffRuleIsNotReportedAsUnused() throws IOException {
        Files.writeString(app.resolve("Procfile"), "# deploylint: ignore[PF008] the review app overrides it\n"
                + "web: gunicorn app:app\nweb: gunicorn app:app --workers 2\n");
        Files.writeString(app.resolve(".deploylint.yml"), "ignore: [PF008]\n");
        Files.writeString(app.resolve("requirements.txt"), "gunicorn==23.0.0\n");
        Files.writeString(app.resolve(".python-version"), "3.13\n");

        StringWriter out = new StringWriter();
        Main.run(new String[] {"--format", "compact", app.toString()}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                countingRules());

        assertEquals(0, runsOf("PF008"));
        assertFalse(out.toString().contains("DL004"), out.toString());
    }
}
