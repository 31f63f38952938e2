package dev.deploylint.parse.python;

import dev.deploylint.project.Location;
import java.util.List;

/**
 * The parsed form of one Python source file: its top-level statements in order and the syntax
 * problems the parser recovered from (each with the location where parsing went wrong).
 */
public record PythonModule(String path, List<Stmt> body, List<SyntaxProblem> problems) {

    public PythonModule {
        body = List.copyOf(body);
        problems = List.copyOf(problems);
    }

    /** A place the parser could not understand, and what it expected there. */
    public record SyntaxProblem(Location location, String message) {
    }
}
