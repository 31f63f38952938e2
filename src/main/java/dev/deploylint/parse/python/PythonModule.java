package dev.deploylint.parse.python;

import dev.deploylint.source.Location;
import java.util.List;

/**
 * The parsed form of one Python source file: its top-level statements in order, the syntax
 * problems the parser recovered from (each with the location where parsing went wrong) and its
 * comments.
 */
public record PythonModule(String path, List<Stmt> body, List<SyntaxProblem> problems, List<Comment> comments) {

    public PythonModule {
        body = List.copyOf(body);
        problems = List.copyOf(problems);
        comments = List.copyOf(comments);
    }

    public PythonModule(String path, List<Stmt> body, List<SyntaxProblem> problems) {
        this(path, body, problems, List.of());
    }

    /** A {@code #} comment: where it starts and its text after the {@code #}. */
    public record Comment(Location location, String text) {
    }

    /** A place the parser could not understand, and what it expected there. */
    public record SyntaxProblem(Location location, String message) {
    }
}
