package dev.deploylint.cli;

import static dev.deploylint.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.cli.Cli.Run;
import org.junit.jupiter.api.Test;

/** Help that finds the user: top-level help with check's options, `help COMMAND`, and "did you mean". */
class HelpTest {

    @Test
    void topLevelHelpListsCommandsAndCheckOptions() {
        for (String flag : new String[] {"--help", "-h", "help"}) {
            Run result = run(flag);
            assertEquals(ExitCode.CLEAN, result.exitCode());
            assertTrue(result.out().contains("uninstall-hook") && result.out().contains("Options of check"), result.out());
            assertTrue(result.out().contains("--fail-on") && result.out().contains("--select"), result.out());
        }
    }

    @Test
    void versionPrintsOneLine() {
        for (String flag : new String[] {"--version", "-V"}) {
            Run result = run(flag);
            assertEquals(ExitCode.CLEAN, result.exitCode());
            assertTrue(result.out().matches("deploylint \\S+\n"), result.out());
        }
    }

    @Test
    void helpCommandShowsACommandsHelp() {
        Run result = run("help", "explain");
        assertEquals(ExitCode.CLEAN, result.exitCode(), result.err());
        assertTrue(result.out().contains("Usage: deploylint explain"), result.out());
    }

    @Test
    void misspellingsGetSuggestions() {
        Run command = run("chekc");
        assertEquals(ExitCode.USAGE, command.exitCode());
        assertTrue(command.err().contains("did you mean `deploylint check`?"), command.err());
        Run option = run("check", "--fial-on", "warning", ".");
        assertEquals(ExitCode.USAGE, option.exitCode());
        assertTrue(option.err().contains("Did you mean") && option.err().contains("--fail-on"), option.err());
    }
}
