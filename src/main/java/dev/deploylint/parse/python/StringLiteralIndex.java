package dev.deploylint.parse.python;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The string literals of a module, in source order, found by walking every statement and
 * expression without recursion (a deeply nested display must not overflow the stack). Rules use
 * it to point at the literal that holds a value and to see whether adjacent literals were joined.
 */
public final class StringLiteralIndex {

    private StringLiteralIndex() {
    }

    /** Every non-formatted, non-bytes string literal of {@code module}, ordered by location. */
    public static List<Expr.Str> of(PythonModule module) {
        List<Expr.Str> found = new ArrayList<>();
        Deque<Object> pending = new ArrayDeque<>(module.body());
        while (!pending.isEmpty()) {
            Object node = pending.pop();
            if (node instanceof Stmt stmt) {
                children(stmt, pending);
            } else if (node instanceof Expr expr) {
                if (expr instanceof Expr.Str s && !s.formatted() && !s.bytes()) {
                    found.add(s);
                }
                children(expr, pending);
            }
        }
        found.sort((a, b) -> a.at().compareTo(b.at()));
        return found;
    }

    private static void children(Stmt stmt, Deque<Object> pending) {
        if (stmt instanceof Stmt.Assign s) {
            pending.push(s.value());
            s.targets().forEach(pending::push);
        } else if (stmt instanceof Stmt.AugAssign s) {
            pending.push(s.value());
        } else if (stmt instanceof Stmt.AnnAssign s && s.value() != null) {
            pending.push(s.value());
        } else if (stmt instanceof Stmt.ExprStmt s) {
            pending.push(s.value());
        } else if (stmt instanceof Stmt.If s) {
            pending.push(s.test());
            pending.addAll(s.body());
            pending.addAll(s.orElse());
        } else if (stmt instanceof Stmt.Try s) {
            pending.addAll(s.body());
            s.handlers().forEach(h -> pending.addAll(h.body()));
            pending.addAll(s.orElse());
            pending.addAll(s.finalBody());
        } else if (stmt instanceof Stmt.With s) {
            s.items().forEach(pending::push);
            pending.addAll(s.body());
        } else if (stmt instanceof Stmt.Loop s) {
            pending.addAll(s.body());
            pending.addAll(s.orElse());
        } else if (stmt instanceof Stmt.FunctionDef s) {
            pending.addAll(s.body());
        } else if (stmt instanceof Stmt.ClassDef s) {
            pending.addAll(s.body());
        }
    }

    private static void children(Expr expr, Deque<Object> pending) {
        if (expr instanceof Expr.Attribute e) {
            pending.push(e.value());
        } else if (expr instanceof Expr.Call e) {
            pending.push(e.func());
            e.args().forEach(pending::push);
            e.keywords().forEach(k -> pending.push(k.value()));
        } else if (expr instanceof Expr.ListExpr e) {
            e.items().forEach(pending::push);
        } else if (expr instanceof Expr.TupleExpr e) {
            e.items().forEach(pending::push);
        } else if (expr instanceof Expr.SetExpr e) {
            e.items().forEach(pending::push);
        } else if (expr instanceof Expr.DictExpr e) {
            for (Expr.Entry entry : e.entries()) {
                if (entry.key() != null) {
                    pending.push(entry.key());
                }
                pending.push(entry.value());
            }
        } else if (expr instanceof Expr.Subscript e) {
            pending.push(e.value());
            pending.push(e.index());
        } else if (expr instanceof Expr.BinOp e) {
            pending.push(e.left());
            pending.push(e.right());
        } else if (expr instanceof Expr.UnaryOp e) {
            pending.push(e.operand());
        } else if (expr instanceof Expr.BoolOp e) {
            e.values().forEach(pending::push);
        } else if (expr instanceof Expr.Compare e) {
            pending.push(e.left());
            e.comparators().forEach(pending::push);
        } else if (expr instanceof Expr.Starred e) {
            pending.push(e.value());
        }
    }
}
