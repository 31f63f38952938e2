package dev.deploylint.parse.python;

import dev.deploylint.source.Location;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Python statement as far as deploylint needs it. Compound statements keep their bodies;
 * statements deploylint does not model become {@link Other}. Every node carries the location of
 * its first character.
 */
public sealed interface Stmt {

    /**
     * The first statement {@code match} answers for, searched in order through the bodies of
     * {@code if}/{@code elif}/{@code else} chains, functions and {@code try} blocks, as a reader scanning
     * the module for a line would (not as Python runs it).
     */
    static <T> Optional<T> firstMatch(List<Stmt> body, Function<Stmt, Optional<T>> match) {
        for (Stmt stmt : body) {
            Optional<T> found = match.apply(stmt);
            if (found.isEmpty() && stmt instanceof If s) {
                for (If branch : s.chain()) {
                    found = found.or(() -> firstMatch(branch.body(), match));
                }
                found = found.or(() -> firstMatch(s.finalElse(), match));
            } else if (found.isEmpty() && stmt instanceof FunctionDef s) {
                found = firstMatch(s.body(), match);
            } else if (found.isEmpty() && stmt instanceof Try s) {
                found = firstMatch(s.body(), match);
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    Location at();

    /** {@code import a.b as c, d}. */
    record Import(Location at, List<Alias> names) implements Stmt {
    }

    /**
     * {@code from module import names}: {@code level} counts the leading dots, {@code module} is
     * null for {@code from . import x}; a star import has the single alias {@code *}.
     */
    record ImportFrom(Location at, int level, String module, List<Alias> names) implements Stmt {
    }

    /** A name in an import, with its {@code as} name or null. */
    record Alias(Location at, String name, String asName) {
    }

    /** {@code a = b = value}: one target per {@code =}, each a Name, Attribute, Subscript or Tuple/List. */
    record Assign(Location at, List<Expr> targets, Expr value) implements Stmt {
    }

    /** {@code target op= value}, op without the {@code =} ({@code +}, {@code |}, ...). */
    record AugAssign(Location at, Expr target, String op, Expr value) implements Stmt {
    }

    /** {@code target: annotation = value}; value may be null. */
    record AnnAssign(Location at, Expr target, Expr annotation, Expr value) implements Stmt {
    }

    /** An expression used as a statement, typically a call: {@code MIDDLEWARE.append(...)}. */
    record ExprStmt(Location at, Expr value) implements Stmt {
    }

    /** {@code if/elif/else}: an elif is a nested If alone in {@code orElse}. */
    record If(Location at, Expr test, List<Stmt> body, List<Stmt> orElse) implements Stmt {

        /**
         * This {@code if} and its {@code elif}s, in order, found without recursion: a chain of
         * thousands of {@code elif}s must not overflow the stack of whoever walks it.
         */
        public List<If> chain() {
            List<If> chain = new java.util.ArrayList<>();
            If branch = this;
            while (true) {
                chain.add(branch);
                if (branch.orElse().size() == 1 && branch.orElse().get(0) instanceof If next) {
                    branch = next;
                } else {
                    return chain;
                }
            }
        }

        /** The final {@code else} block of the chain (empty when there is none). */
        public List<Stmt> finalElse() {
            List<If> chain = chain();
            return chain.get(chain.size() - 1).orElse();
        }
    }

    /** {@code try}: handlers' bodies in order, then else and finally. */
    record Try(Location at, List<Stmt> body, List<Handler> handlers, List<Stmt> orElse, List<Stmt> finalBody)
            implements Stmt {
    }

    /** An {@code except} clause; {@code type} is null for a bare except. */
    record Handler(Location at, Expr type, String name, List<Stmt> body) {
    }

    /** {@code with items: body}. */
    record With(Location at, List<Expr> items, List<Stmt> body) implements Stmt {
    }

    /** {@code for}/{@code while} loops: the body may run any number of times. */
    record Loop(Location at, List<Stmt> body, List<Stmt> orElse) implements Stmt {
    }

    /** {@code def} (sync or async) with decorators dropped. */
    record FunctionDef(Location at, String name, List<Stmt> body) implements Stmt {
    }

    record ClassDef(Location at, String name, List<Stmt> body) implements Stmt {
    }

    /** {@code del}, {@code pass}, {@code return}, {@code global}, {@code raise}, {@code assert}, match, ... */
    record Other(Location at, String text) implements Stmt {
    }
}
