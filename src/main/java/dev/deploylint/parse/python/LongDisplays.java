package dev.deploylint.parse.python;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Drops the items of a bracketed display or argument list past the first {@link #MAX_ITEMS}, up
 * to its closing bracket: a million-item list literal would otherwise cost gigabytes of parse
 * tree. What is kept ends in a comma, which Python allows there, so it still parses; and as it
 * holds {@link #MAX_ITEMS} items, the evaluator finds it too large to know (see {@link
 * EvaluationBudget#MAX_WEIGHT}) and no rule reads the shortened value as the real one.
 */
final class LongDisplays implements TokenSource {

    static final int MAX_ITEMS = (int) EvaluationBudget.MAX_WEIGHT;

    private final TokenSource source;
    /** The commas met so far in each open bracket, innermost last. */
    private int[] commas = new int[16];
    private int open;
    /** While dropping: the brackets opened inside the one being shortened; -1 when not dropping. */
    private int dropping = -1;

    LongDisplays(TokenSource source) {
        this.source = source;
    }

    @Override
    public Token nextToken() {
        while (true) {
            Token token = source.nextToken();
            int type = token.getType();
            if (type == Token.EOF) {
                return token;
            }
            boolean opening = type == PyLexer.OPEN_PAREN || type == PyLexer.OPEN_BRACK || type == PyLexer.OPEN_BRACE;
            boolean closing = type == PyLexer.CLOSE_PAREN || type == PyLexer.CLOSE_BRACK || type == PyLexer.CLOSE_BRACE;
            if (dropping >= 0) {
                if (opening) {
                    dropping++;
                } else if (closing && dropping-- == 0) {
                    open--;
                    return token;
                }
                continue;
            }
            if (opening) {
                if (open == commas.length) {
                    commas = java.util.Arrays.copyOf(commas, open * 2);
                }
                commas[open++] = 0;
            } else if (closing && open > 0) {
                open--;
            } else if (type == PyLexer.COMMA && open > 0 && ++commas[open - 1] >= MAX_ITEMS) {
                dropping = 0;
            }
            return token;
        }
    }

    @Override
    public int getLine() {
        return source.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return source.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return source.getInputStream();
    }

    @Override
    public String getSourceName() {
        return source.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        source.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return source.getTokenFactory();
    }
}
