package dev.deploylint.cli;

import static dev.deploylint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.cli.Cli.Run;
import dev.deploylint.Fixtures;
import org.junit.jupiter.api.Test;

/** The flags users of ruff and ESLint expect: --select, --ignore, --exit-zero, --quiet, --statistics, --no-show-source. */
class RuffStyleFlagsTest {

    /** The 2016 app: errors (PY002) and warnings (BP005, BP007, DJ003...) in several categories. */
    private static final String APP = Fixtures.ROOT.resolve("apps/heroku-django-2016").toString();

    @Test
    void selectKeepsOnlyTheNamedRules() {
        Run result = run("--format", "compact", "--select", "BP005,bower-buildpack", APP);
        assertEquals(ExitCode.CLEAN, result.exitCode(), "no error among these rules: " + result.out());
        assertEquals(3, result.out().lines().count(), result.out());
        assertTrue(result.out().lines().allMatch(l -> l.contains(": BP005 ") || l.contains(": BP007 ")), result.out());
        Run all = run("--format", "compact", "--select", "all", APP);
        assertTrue(all.out().contains("PY002 error") && all.out().contains("BP005"), all.out());
    }

    @Test
    void ignoreDropsRules() {
        Run result = run("--format", "compact", "--ignore", "PY002,runtime", APP);
        assertFalse(result.out().contains("PY0"), result.out());
        assertTrue(result.out().contains("BP005"), result.out());
    }

    @Test
    void anUnknownRuleIsAUsageError() {
        Run result = run("--select", "XX999", APP);
        assertEquals(ExitCode.USAGE, result.exitCode());
        assertTrue(result.err().contains("unknown rule 'XX999'"), result.err());
    }

    @Test
    void exitZeroReportsButNeverFails() {
        Run result = run("--format", "compact", "--exit-zero", APP);
        assertEquals(ExitCode.CLEAN, result.exitCode());
        assertTrue(result.out().contains("PY002 error"), result.out());
        assertEquals(ExitCode.USAGE, run("--exit-zero", "/no/such/app").exitCode(), "usage errors still count");
    }

    @Test
    void quietPrintsFindingsWithoutSummary() {
        Run result = run("--color", "never", "--quiet", APP);
        assertTrue(result.out().contains("PY002 error"), result.out());
        assertFalse(result.out().contains("Verdict:") || result.out().contains(" in 1 app"), result.out());
        assertEquals(ExitCode.FINDINGS, result.exitCode(), "the exit code does not depend on the output");
    }

    @Test
    void noShowSourceLeavesOutTheSourceLine() {
        Run with = run("--color", "never", APP);
        Run without = run("--color", "never", "--no-show-source", APP);
        assertTrue(with.out().contains("   1 | python-3.5.1"), with.out());
        assertFalse(without.out().contains(" | "), without.out());
        assertTrue(without.out().contains("PY002 error"), without.out());
    }

    @Test
    void statisticsCountsFindingsPerRule() {
        Run result = run("--color", "never", "--statistics", APP);
        assertTrue(result.out().lines().anyMatch(l -> l.matches("\\s*2\\tBP007\\twarning\\tbower-buildpack")), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.matches("\\s*1\\tPY002\\terror\\t.*")), result.out());
        assertEquals(ExitCode.FINDINGS, result.exitCode());
    }
}
