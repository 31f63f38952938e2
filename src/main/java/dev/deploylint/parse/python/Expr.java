package dev.deploylint.parse.python;

import dev.deploylint.source.Location;
import java.util.List;

/**
 * A Python expression as far as deploylint needs it. Every node carries the location of its first
 * character. Constructs deploylint does not model (lambdas, comprehensions, conditional
 * expressions, await, ...) become {@link Other}, keeping their location and source text.
 */
public sealed interface Expr {

    Location at();

    /** A bare name: {@code BASE_DIR}. */
    record Name(Location at, String id) implements Expr {
    }

    /** {@code value.name}: {@code os.environ}, {@code dj_database_url.config}. */
    record Attribute(Location at, Expr value, String name) implements Expr {
    }

    /** {@code func(args, name=value, *rest, **more)}; starred arguments are kept as {@link Starred}. */
    record Call(Location at, Expr func, List<Expr> args, List<Keyword> keywords) implements Expr {
    }

    /** A keyword argument {@code name=value}; {@code name} is null for {@code **mapping}. */
    record Keyword(Location at, String name, Expr value) {
    }

    /**
     * A string literal after implicit concatenation of adjacent literals, with escapes decoded.
     * {@code formatted} is true for f-strings, whose {@code value} is then the literal text only
     * and must not be trusted; {@code bytes} is true for b'' literals. {@code parts} holds the
     * decoded value of each adjacent literal in order ({@code "food" "PushEatApp"} has two, the
     * mark of a missing comma in a list); a single literal has one.
     */
    record Str(Location at, String value, boolean formatted, boolean bytes, List<String> parts) implements Expr {

        public Str {
            parts = List.copyOf(parts);
        }

        /** A single literal. */
        public Str(Location at, String value, boolean formatted, boolean bytes) {
            this(at, value, formatted, bytes, List.of(value));
        }

        /** True when adjacent literals were joined into this one. */
        public boolean concatenated() {
            return parts.size() > 1;
        }
    }

    /** An int, float or complex literal, as written in the source ({@code 1_000}, {@code 0x1F}). */
    record Num(Location at, String text) implements Expr {
    }

    /** {@code True}, {@code False} or {@code None}: {@code value} is Boolean.TRUE/FALSE or null. */
    record Constant(Location at, Boolean value) implements Expr {
    }

    record ListExpr(Location at, List<Expr> items) implements Expr {
    }

    record TupleExpr(Location at, List<Expr> items) implements Expr {
    }

    record SetExpr(Location at, List<Expr> items) implements Expr {
    }

    /** A dict display; an entry with a null key is {@code **mapping}. */
    record DictExpr(Location at, List<Entry> entries) implements Expr {
    }

    record Entry(Expr key, Expr value) {
    }

    /** {@code value[index]}; a slice index becomes {@link Other}. */
    record Subscript(Location at, Expr value, Expr index) implements Expr {
    }

    /** A binary operator: op is the operator token ({@code +}, {@code /}, {@code %}, ...). */
    record BinOp(Location at, String op, Expr left, Expr right) implements Expr {
    }

    /** A unary operator: {@code not}, {@code -}, {@code +}, {@code ~}. */
    record UnaryOp(Location at, String op, Expr operand) implements Expr {
    }

    /** {@code and} / {@code or} over two or more operands. */
    record BoolOp(Location at, String op, List<Expr> values) implements Expr {
    }

    /** A comparison chain: {@code left ops[0] comparators[0] ops[1] ...}; ops are {@code ==}, {@code in}, {@code not in}, {@code is not}, ... */
    record Compare(Location at, Expr left, List<String> ops, List<Expr> comparators) implements Expr {
    }

    /** {@code body if test else orElse}. */
    record IfExp(Location at, Expr body, Expr test, Expr orElse) implements Expr {
    }

    /** {@code *value} in a call, list or assignment target. */
    record Starred(Location at, Expr value) implements Expr {
    }

    /** Anything else, kept as its source text. */
    record Other(Location at, String text) implements Expr {
    }
}
