package dev.deploylint.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process, as the CLI tests do: the exit code and what went to standard output and error. */
final class Cli {

    record Run(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
