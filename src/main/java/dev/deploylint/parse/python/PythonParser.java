package dev.deploylint.parse.python;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses Python 3 source into a {@link PythonModule}. Never executes anything and never throws:
 * syntax errors become problems with their location, and parsing resumes at the next statement.
 * A file is first parsed with ANTLR's fast SLL prediction; only files that fail it are parsed
 * again with full LL prediction and error recovery.
 */
public final class PythonParser {

    private static final int MAX_PROBLEMS = 20;

    private PythonParser() {
    }

    public static PythonModule parse(SourceFile file) {
        CodePoints codePoints = new CodePoints(file.text());
        AstBuilder builder = new AstBuilder(file, codePoints);
        Problems problems = new Problems(builder, file);
        try {
            PyLexer lexer = new PyLexer(CharStreams.fromString(file.text(), file.path()));
            lexer.removeErrorListeners();
            CommonTokenStream tokens = new CommonTokenStream(new LongDisplays(lexer));
            PyParser parser = new PyParser(tokens);
            parser.removeErrorListeners();
            List<Stmt> body = new ArrayList<>();
            // One top-level statement at a time, so a large module never holds its whole parse tree.
            while (tokens.LA(1) != Token.EOF) {
                if (tokens.LA(1) == PyLexer.NEWLINE) {
                    tokens.consume();
                    continue;
                }
                int start = tokens.index();
                body.addAll(builder.statement(statement(parser, tokens, start, problems)));
                if (tokens.index() == start) {
                    tokens.consume();
                }
            }
            List<PythonModule.Comment> comments = new ArrayList<>();
            for (Token token : tokens.getTokens()) {
                if (token.getType() == PyLexer.COMMENT) {
                    comments.add(new PythonModule.Comment(builder.at(token), token.getText().substring(1)));
                }
            }
            return new PythonModule(file.path(), body, problems.list, comments);
        } catch (StackOverflowError e) {
            return new PythonModule(file.path(), List.of(), List.of(
                    new PythonModule.SyntaxProblem(file.start(), "the code is nested too deeply to read")));
        } catch (RuntimeException e) {
            return new PythonModule(file.path(), List.of(), List.of(
                    new PythonModule.SyntaxProblem(file.start(), "the file could not be read as Python (" + e.getClass().getSimpleName() + ")")));
        }
    }

    /** Parses the statement at {@code start}: fast SLL prediction first, full LL with error recovery only when that fails. */
    private static PyParser.StmtContext statement(PyParser parser, CommonTokenStream tokens, int start, Problems problems) {
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.stmt();
        } catch (ParseCancellationException e) {
            tokens.seek(start);
            parser.setInputStream(tokens);
            tokens.seek(start);
            parser.addErrorListener(problems);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return parser.stmt();
        }
    }

    /** Collects syntax errors with messages a Python developer recognises. */
    private static final class Problems extends BaseErrorListener {
        private final AstBuilder builder;
        private final SourceFile file;
        private final List<PythonModule.SyntaxProblem> list = new ArrayList<>();

        Problems(AstBuilder builder, SourceFile file) {
            this.builder = builder;
            this.file = file;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
                                RecognitionException e) {
            if (list.size() >= MAX_PROBLEMS) {
                return;
            }
            Location location = offendingSymbol instanceof Token token && token.getStartIndex() >= 0
                    ? builder.at(token) : file.start();
            if (list.stream().anyMatch(p -> p.location().line() == location.line())) {
                return;
            }
            list.add(new PythonModule.SyntaxProblem(location, describe(offendingSymbol instanceof Token t ? t : null)));
        }

        private static String describe(Token token) {
            if (token == null) {
                return "invalid syntax";
            }
            return switch (token.getType()) {
                case Token.EOF -> "unexpected end of file (is a bracket or block left open?)";
                case PyLexer.NEWLINE -> "unexpected end of line";
                case PyLexer.INDENT -> "unexpected indent";
                case PyLexer.DEDENT -> "unindent does not match the code around it";
                case PyLexer.UNTERMINATED_STRING -> "unterminated string";
                case PyLexer.ERROR_CHAR -> "invalid character `" + printable(token.getText()) + "`";
                default -> "invalid syntax at `" + printable(token.getText()) + "`";
            };
        }

        private static String printable(String text) {
            String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
            StringBuilder out = new StringBuilder();
            shown.codePoints().forEach(c -> {
                if (Character.isISOControl(c) || c == '`') {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.appendCodePoint(c);
                }
            });
            return out.toString();
        }
    }
}
