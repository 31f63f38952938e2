package dev.deploylint.cli;

import java.io.PrintWriter;

/**
 * A PrintWriter swallows write errors: a closed or full standard output would otherwise end with
 * nothing printed and exit 0, which a CI gate reads as a clean app.
 */
final class StandardOutput {

    private StandardOutput() {
    }

    /** {@code code} if everything written to {@code out} arrived; otherwise one line on {@code err} and exit 3. */
    static int checked(PrintWriter out, PrintWriter err, int code) {
        if (!out.checkError()) {
            return code;
        }
        err.println("deploylint: cannot write to standard output (closed, or the disk is full); the report is incomplete");
        err.flush();
        return ExitCode.INTERNAL;
    }
}
