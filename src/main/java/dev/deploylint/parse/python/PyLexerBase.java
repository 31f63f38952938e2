package dev.deploylint.parse.python;

import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * Turns the lexer's raw line breaks into Python's logical structure: a NEWLINE ends a logical
 * line only outside brackets and never twice in a row, blank and comment-only lines vanish, and
 * changes of indentation become INDENT and DEDENT tokens; at the end of input pending DEDENTs are
 * emitted.
 */
public abstract class PyLexerBase extends Lexer {

    private static final int TAB_SIZE = 8;

    private final Deque<Token> pending = new ArrayDeque<>();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int bracketDepth;
    private int lastType = -1;
    private boolean finished;

    protected PyLexerBase(CharStream input) {
        super(input);
    }

    @Override
    public Token nextToken() {
        while (true) {
            if (!pending.isEmpty()) {
                return emitted(pending.poll());
            }
            Token token = super.nextToken();
            int type = token.getType();
            if (type == PyLexer.OPEN_PAREN || type == PyLexer.OPEN_BRACK || type == PyLexer.OPEN_BRACE) {
                bracketDepth++;
            } else if (type == PyLexer.CLOSE_PAREN || type == PyLexer.CLOSE_BRACK || type == PyLexer.CLOSE_BRACE) {
                bracketDepth = Math.max(0, bracketDepth - 1);
            } else if (type == PyLexer.NEWLINE) {
                lineBreak(token);
                continue;
            } else if (type == Token.EOF) {
                if (finished) {
                    return token;
                }
                end(token);
                continue;
            }
            return emitted(token);
        }
    }

    private Token emitted(Token token) {
        if (token.getChannel() == Token.DEFAULT_CHANNEL) {
            lastType = token.getType();
        }
        return token;
    }

    private void lineBreak(Token token) {
        if (bracketDepth > 0) {
            return;
        }
        endLogicalLine(token);
        int next = _input.LA(1);
        if (next == '\r' || next == '\n' || next == '\f' || next == '#' || next == CharStream.EOF) {
            return;
        }
        int width = indentation(token.getText());
        int current = indents.isEmpty() ? 0 : indents.peek();
        if (width > current) {
            indents.push(width);
            pending.add(synthetic(PyLexer.INDENT, "<INDENT>"));
            return;
        }
        while (!indents.isEmpty() && indents.peek() > width) {
            indents.pop();
            pending.add(synthetic(PyLexer.DEDENT, "<DEDENT>"));
        }
        if (width > (indents.isEmpty() ? 0 : indents.peek())) {
            // An unindent to a level never used before: Python rejects it, the parser reports it.
            indents.push(width);
            pending.add(synthetic(PyLexer.INDENT, "<INDENT>"));
        }
    }

    private void end(Token eof) {
        finished = true;
        bracketDepth = 0;
        endLogicalLine(eof);
        while (!indents.isEmpty()) {
            indents.pop();
            pending.add(synthetic(PyLexer.DEDENT, "<DEDENT>"));
        }
        pending.add(eof);
    }

    private void endLogicalLine(Token at) {
        if (lastType != -1 && lastType != PyLexer.NEWLINE && lastType != PyLexer.INDENT && lastType != PyLexer.DEDENT
                && pending.stream().noneMatch(t -> t.getType() == PyLexer.NEWLINE)) {
            pending.add(_factory.create(_tokenFactorySourcePair, PyLexer.NEWLINE, "\n", Token.DEFAULT_CHANNEL,
                    at.getStartIndex(), at.getStartIndex() - 1, at.getLine(), at.getCharPositionInLine()));
            lastType = PyLexer.NEWLINE;
        }
    }

    private Token synthetic(int type, String text) {
        int index = _input.index();
        return _factory.create(_tokenFactorySourcePair, type, text, Token.DEFAULT_CHANNEL, index, index - 1,
                getLine(), getCharPositionInLine());
    }

    private static int indentation(String newline) {
        int width = 0;
        for (int i = 0; i < newline.length(); i++) {
            char c = newline.charAt(i);
            if (c == '\r' || c == '\n') {
                width = 0;
            } else if (c == '\t') {
                width = (width / TAB_SIZE + 1) * TAB_SIZE;
            } else if (c == ' ') {
                width++;
            } else if (c == '\f') {
                width = 0;
            }
        }
        return width;
    }

    @Override
    public void reset() {
        super.reset();
        pending.clear();
        indents.clear();
        bracketDepth = 0;
        lastType = -1;
        finished = false;
    }
}
