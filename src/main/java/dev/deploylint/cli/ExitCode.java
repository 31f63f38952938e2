package dev.deploylint.cli;

/** The process exit codes, the same for every output format. */
public final class ExitCode {

    /** No finding at or above the --fail-on threshold. */
    public static final int CLEAN = 0;
    /** At least one finding at or above the threshold. */
    public static final int FINDINGS = 1;
    /** The command line is wrong: unknown option or rule, a path that does not exist. */
    public static final int USAGE = 2;
    /** deploylint itself failed: a bug, or the report could not be written. */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
