package dev.deploylint.parse.python;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns a PyParser parse tree into deploylint's AST. A statement or expression whose subtree is
 * incomplete after error recovery becomes {@code Other} with its source text.
 */
final class AstBuilder {

    private final SourceFile file;
    private final CodePoints codePoints;

    AstBuilder(SourceFile file, CodePoints codePoints) {
        this.file = file;
        this.codePoints = codePoints;
    }

    Location at(Token token) {
        return file.locationOf(codePoints.charOffset(token.getStartIndex()));
    }

    private Location at(ParserRuleContext ctx) {
        return at(ctx.getStart());
    }

    private String text(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        if (start == null || stop == null || stop.getStopIndex() < start.getStartIndex()) {
            return "";
        }
        int from = codePoints.charOffset(start.getStartIndex());
        int to = codePoints.charOffset(stop.getStopIndex() + 1);
        return file.text().substring(Math.max(0, from), Math.min(file.text().length(), Math.max(from, to)));
    }

    // Statements

    List<Stmt> statement(PyParser.StmtContext ctx) {
        try {
            if (ctx.compound_stmt() != null) {
                return List.of(compound(ctx.compound_stmt()));
            }
            List<Stmt> simple = new ArrayList<>();
            for (PyParser.Simple_stmtContext stmt : ctx.simple_stmts().simple_stmt()) {
                simple.add(guarded(stmt));
            }
            return simple;
        } catch (RuntimeException e) {
            return List.of(new Stmt.Other(at(ctx), text(ctx)));
        }
    }

    private Stmt guarded(PyParser.Simple_stmtContext ctx) {
        try {
            return simple(ctx);
        } catch (RuntimeException e) {
            return new Stmt.Other(at(ctx), text(ctx));
        }
    }

    private List<Stmt> block(PyParser.BlockContext ctx) {
        List<Stmt> body = new ArrayList<>();
        if (ctx == null) {
            return body;
        }
        if (ctx.simple_stmts() != null) {
            for (PyParser.Simple_stmtContext stmt : ctx.simple_stmts().simple_stmt()) {
                body.add(guarded(stmt));
            }
        }
        for (PyParser.StmtContext stmt : ctx.stmt()) {
            body.addAll(statement(stmt));
        }
        return body;
    }

    private Stmt simple(PyParser.Simple_stmtContext ctx) {
        if (ctx.import_stmt() != null) {
            return importStatement(ctx.import_stmt());
        }
        if (ctx.expr_stmt() != null) {
            return expressionStatement(ctx.expr_stmt());
        }
        if (ctx.yield_expr() != null) {
            return new Stmt.ExprStmt(at(ctx), other(ctx.yield_expr()));
        }
        return new Stmt.Other(at(ctx), text(ctx));
    }

    private Stmt importStatement(PyParser.Import_stmtContext ctx) {
        if (ctx.IMPORT() != null && ctx.FROM() == null) {
            List<Stmt.Alias> names = new ArrayList<>();
            for (PyParser.Dotted_as_nameContext name : ctx.dotted_as_name()) {
                names.add(new Stmt.Alias(at(name), text(name.dotted_name()), name.NAME() == null ? null : name.NAME().getText()));
            }
            return new Stmt.Import(at(ctx), names);
        }
        int level = 0;
        for (Token dot : ctx.dots) {
            level += dot.getType() == PyLexer.ELLIPSIS ? 3 : 1;
        }
        String module = ctx.dotted_name() == null ? null : text(ctx.dotted_name());
        List<Stmt.Alias> names = new ArrayList<>();
        PyParser.Import_targetsContext targets = ctx.import_targets();
        if (targets.STAR() != null) {
            names.add(new Stmt.Alias(at(targets.STAR().getSymbol()), "*", null));
        }
        for (PyParser.Import_as_nameContext name : targets.import_as_name()) {
            names.add(new Stmt.Alias(at(name), name.NAME(0).getText(), name.NAME().size() > 1 ? name.NAME(1).getText() : null));
        }
        return new Stmt.ImportFrom(at(ctx), level, module, names);
    }

    private Stmt expressionStatement(PyParser.Expr_stmtContext ctx) {
        Expr target = testlistStar(ctx.target);
        if (ctx.annassign() != null) {
            PyParser.AnnassignContext ann = ctx.annassign();
            Expr value = ann.yield_expr() != null ? other(ann.yield_expr())
                    : ann.testlist_star_expr() != null ? testlistStar(ann.testlist_star_expr()) : null;
            return new Stmt.AnnAssign(at(ctx), target, test(ann.test()), value);
        }
        if (ctx.augassign() != null) {
            String op = ctx.augassign().getText();
            Expr value = ctx.yield_expr().isEmpty() ? testlistStar(ctx.testlist_star_expr(1)) : other(ctx.yield_expr(0));
            return new Stmt.AugAssign(at(ctx), target, op.substring(0, op.length() - 1), value);
        }
        List<Expr> parts = new ArrayList<>();
        parts.add(target);
        for (int i = 1; i < ctx.getChildCount(); i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof PyParser.Testlist_star_exprContext list) {
                parts.add(testlistStar(list));
            } else if (child instanceof PyParser.Yield_exprContext yield) {
                parts.add(other(yield));
            }
        }
        if (parts.size() == 1) {
            return new Stmt.ExprStmt(at(ctx), target);
        }
        return new Stmt.Assign(at(ctx), List.copyOf(parts.subList(0, parts.size() - 1)), parts.get(parts.size() - 1));
    }

    private Stmt compound(PyParser.Compound_stmtContext ctx) {
        if (ctx.if_stmt() != null) {
            return ifStatement(ctx.if_stmt());
        }
        if (ctx.while_stmt() != null) {
            return new Stmt.Loop(at(ctx), block(ctx.while_stmt().block(0)), block(ctx.while_stmt().else_block));
        }
        if (ctx.for_stmt() != null) {
            return new Stmt.Loop(at(ctx), block(ctx.for_stmt().block(0)), block(ctx.for_stmt().else_block));
        }
        if (ctx.try_stmt() != null) {
            return tryStatement(ctx.try_stmt());
        }
        if (ctx.with_stmt() != null) {
            List<Expr> items = new ArrayList<>();
            ctx.with_stmt().with_item().forEach(item -> items.add(test(item.test())));
            return new Stmt.With(at(ctx), items, block(ctx.with_stmt().block()));
        }
        if (ctx.funcdef() != null) {
            return function(ctx.funcdef(), at(ctx));
        }
        if (ctx.classdef() != null) {
            return new Stmt.ClassDef(at(ctx), ctx.classdef().NAME().getText(), block(ctx.classdef().block()));
        }
        if (ctx.decorated() != null) {
            PyParser.DecoratedContext decorated = ctx.decorated();
            return decorated.classdef() != null
                    ? new Stmt.ClassDef(at(decorated.classdef()), decorated.classdef().NAME().getText(), block(decorated.classdef().block()))
                    : function(decorated.funcdef(), at(decorated.funcdef()));
        }
        if (ctx.match_stmt() != null) {
            return match(ctx.match_stmt());
        }
        return new Stmt.Other(at(ctx), text(ctx));
    }

    private Stmt function(PyParser.FuncdefContext ctx, Location at) {
        return new Stmt.FunctionDef(at, ctx.NAME().getText(), block(ctx.block()));
    }

    private Stmt ifStatement(PyParser.If_stmtContext ctx) {
        List<Stmt> orElse = block(ctx.else_block);
        List<PyParser.Elif_clauseContext> elifs = ctx.elif_clause();
        for (int i = elifs.size() - 1; i >= 0; i--) {
            PyParser.Elif_clauseContext elif = elifs.get(i);
            orElse = List.of(new Stmt.If(at(elif), namedTest(elif.namedexpr_test()), block(elif.block()), orElse));
        }
        return new Stmt.If(at(ctx), namedTest(ctx.namedexpr_test()), block(ctx.block(0)), orElse);
    }

    private Stmt tryStatement(PyParser.Try_stmtContext ctx) {
        List<Stmt.Handler> handlers = new ArrayList<>();
        for (PyParser.Except_clauseContext except : ctx.except_clause()) {
            handlers.add(new Stmt.Handler(at(except), except.test() == null ? null : test(except.test()),
                    except.NAME() == null ? null : except.NAME().getText(), block(except.block())));
        }
        return new Stmt.Try(at(ctx), block(ctx.block(0)), handlers, block(ctx.else_block), block(ctx.finally_block));
    }

    /** A match statement becomes a chain of ifs, one per case, so every case body is conditional. */
    private Stmt match(PyParser.Match_stmtContext ctx) {
        List<Stmt> orElse = List.of();
        List<PyParser.Case_blockContext> cases = ctx.case_block();
        for (int i = cases.size() - 1; i >= 0; i--) {
            PyParser.Case_blockContext caseBlock = cases.get(i);
            orElse = List.of(new Stmt.If(at(caseBlock), other(caseBlock.pattern), block(caseBlock.block()), orElse));
        }
        return orElse.isEmpty() ? new Stmt.Other(at(ctx), text(ctx)) : orElse.get(0);
    }

    // Expressions

    private Expr other(ParserRuleContext ctx) {
        return new Expr.Other(at(ctx), text(ctx));
    }

    private Expr testlistStar(PyParser.Testlist_star_exprContext ctx) {
        List<Expr> items = new ArrayList<>();
        for (int i = 0; i < ctx.getChildCount(); i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof PyParser.TestContext test) {
                items.add(test(test));
            } else if (child instanceof PyParser.Star_exprContext star) {
                items.add(starred(star));
            }
        }
        if (items.size() == 1 && ctx.trailing == null) {
            return items.get(0);
        }
        return new Expr.TupleExpr(at(ctx), items);
    }

    private Expr namedTest(PyParser.Namedexpr_testContext ctx) {
        return ctx.WALRUS() != null ? other(ctx) : test(ctx.test(0));
    }

    Expr test(PyParser.TestContext ctx) {
        // Most expressions descend test > or_test > and_test > not_test > comparison > expr with one
        // child at each level; following the single child saves building lists of children.
        if (ctx.getChildCount() == 1 && ctx.getChild(0) instanceof PyParser.Or_testContext only) {
            return orTest(only);
        }
        if (ctx.lambdef() != null) {
            return other(ctx);
        }
        if (ctx.IF() != null) {
            return new Expr.IfExp(at(ctx), orTest(ctx.or_test(0)), orTest(ctx.or_test(1)), test(ctx.test()));
        }
        return orTest(ctx.or_test(0));
    }

    private Expr orTest(PyParser.Or_testContext ctx) {
        if (ctx.getChildCount() == 1) {
            return andTest((PyParser.And_testContext) ctx.getChild(0));
        }
        if (ctx.and_test().size() == 1) {
            return andTest(ctx.and_test(0));
        }
        List<Expr> values = new ArrayList<>();
        ctx.and_test().forEach(and -> values.add(andTest(and)));
        return new Expr.BoolOp(at(ctx), "or", values);
    }

    private Expr andTest(PyParser.And_testContext ctx) {
        if (ctx.getChildCount() == 1) {
            return notTest((PyParser.Not_testContext) ctx.getChild(0));
        }
        if (ctx.not_test().size() == 1) {
            return notTest(ctx.not_test(0));
        }
        List<Expr> values = new ArrayList<>();
        ctx.not_test().forEach(not -> values.add(notTest(not)));
        return new Expr.BoolOp(at(ctx), "and", values);
    }

    private Expr notTest(PyParser.Not_testContext ctx) {
        if (ctx.getChildCount() == 1 && ctx.getChild(0) instanceof PyParser.ComparisonContext single
                && single.getChildCount() == 1) {
            return expr((PyParser.ExprContext) single.getChild(0));
        }
        if (ctx.NOT() != null) {
            return new Expr.UnaryOp(at(ctx), "not", notTest(ctx.not_test()));
        }
        PyParser.ComparisonContext comparison = ctx.comparison();
        // ANTLR's indexed getters (comp_op(i), expr(i)) scan the children from the start: take each list once.
        List<PyParser.ExprContext> operands = comparison.expr();
        if (operands.size() == 1) {
            return expr(operands.get(0));
        }
        List<String> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        List<PyParser.Comp_opContext> operators = comparison.comp_op();
        for (int i = 0; i < operators.size(); i++) {
            PyParser.Comp_opContext op = operators.get(i);
            StringBuilder joined = new StringBuilder();
            for (int j = 0; j < op.getChildCount(); j++) {
                joined.append(j == 0 ? "" : " ").append(op.getChild(j).getText());
            }
            ops.add(joined.toString());
            comparators.add(expr(operands.get(i + 1)));
        }
        return new Expr.Compare(at(comparison), expr(operands.get(0)), ops, comparators);
    }

    private Expr starred(PyParser.Star_exprContext ctx) {
        return new Expr.Starred(at(ctx), expr(ctx.expr()));
    }

    private Expr expr(PyParser.ExprContext ctx) {
        if (ctx instanceof PyParser.PrimaryContext primary) {
            Expr value = atom(primary.atom());
            for (PyParser.TrailerContext trailer : primary.trailer()) {
                value = trailer(value, trailer);
            }
            return value;
        }
        if (ctx instanceof PyParser.BinaryContext binary) {
            return new Expr.BinOp(at(ctx), binary.op.getText(), expr(binary.expr(0)), expr(binary.expr(1)));
        }
        if (ctx instanceof PyParser.UnaryContext unary) {
            return new Expr.UnaryOp(at(ctx), unary.op.getText(), expr(unary.expr()));
        }
        return other(ctx);
    }

    private Expr trailer(Expr value, PyParser.TrailerContext ctx) {
        if (ctx instanceof PyParser.AttributeContext attribute) {
            return new Expr.Attribute(value.at(), value, attribute.NAME().getText());
        }
        if (ctx instanceof PyParser.IndexContext index) {
            return new Expr.Subscript(value.at(), value, subscripts(index.subscriptlist()));
        }
        PyParser.CallContext call = (PyParser.CallContext) ctx;
        List<Expr> args = new ArrayList<>();
        List<Expr.Keyword> keywords = new ArrayList<>();
        if (call.arglist() != null) {
            for (PyParser.ArgumentContext argument : call.arglist().argument()) {
                if (argument.ASSIGN() != null) {
                    keywords.add(new Expr.Keyword(at(argument), argument.NAME().getText(), test(argument.test(0))));
                } else if (argument.POWER() != null) {
                    keywords.add(new Expr.Keyword(at(argument), null, test(argument.test(0))));
                } else if (argument.STAR() != null) {
                    args.add(new Expr.Starred(at(argument), test(argument.test(0))));
                } else if (argument.comp_for() != null || argument.WALRUS() != null) {
                    args.add(other(argument));
                } else {
                    args.add(test(argument.test(0)));
                }
            }
        }
        return new Expr.Call(value.at(), value, args, keywords);
    }

    private Expr subscripts(PyParser.SubscriptlistContext ctx) {
        List<Expr> items = new ArrayList<>();
        for (PyParser.SubscriptContext subscript : ctx.subscript()) {
            if (subscript.COLON().isEmpty() && subscript.test().size() == 1) {
                items.add(test(subscript.test(0)));
            } else if (subscript.star_expr() != null) {
                items.add(starred(subscript.star_expr()));
            } else {
                items.add(other(subscript));
            }
        }
        return items.size() == 1 && ctx.trailing == null ? items.get(0) : new Expr.TupleExpr(at(ctx), items);
    }

    private Expr atom(PyParser.AtomContext ctx) {
        Location at = at(ctx);
        if (ctx instanceof PyParser.NameContext name) {
            return new Expr.Name(at, name.NAME().getText());
        }
        if (ctx instanceof PyParser.NumberContext number) {
            return new Expr.Num(at, number.NUMBER().getText());
        }
        if (ctx instanceof PyParser.StringsContext strings) {
            return strings(at, strings.STRING());
        }
        if (ctx instanceof PyParser.ConstantContext constant) {
            String text = constant.getText();
            return new Expr.Constant(at, text.equals("None") ? null : Boolean.valueOf(text.equals("True")));
        }
        if (ctx instanceof PyParser.ParensContext parens) {
            if (parens.yield_expr() != null) {
                return other(ctx);
            }
            if (parens.testlist_comp() == null) {
                return new Expr.TupleExpr(at, List.of());
            }
            PyParser.Testlist_compContext items = parens.testlist_comp();
            if (items.comp_for() != null) {
                return other(ctx);
            }
            List<Expr> values = testlistComp(items);
            return values.size() == 1 && items.trailing == null ? values.get(0) : new Expr.TupleExpr(at, values);
        }
        if (ctx instanceof PyParser.ListContext list) {
            if (list.testlist_comp() == null) {
                return new Expr.ListExpr(at, List.of());
            }
            return list.testlist_comp().comp_for() != null ? other(ctx) : new Expr.ListExpr(at, testlistComp(list.testlist_comp()));
        }
        if (ctx instanceof PyParser.BracesContext braces) {
            return braces(at, braces);
        }
        return other(ctx);
    }

    private List<Expr> testlistComp(PyParser.Testlist_compContext ctx) {
        List<Expr> values = new ArrayList<>();
        for (int i = 0; i < ctx.getChildCount(); i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof PyParser.Namedexpr_testContext test) {
                values.add(namedTest(test));
            } else if (child instanceof PyParser.Star_exprContext star) {
                values.add(starred(star));
            }
        }
        return values;
    }

    private Expr braces(Location at, PyParser.BracesContext ctx) {
        if (ctx.dictorsetmaker() == null) {
            return new Expr.DictExpr(at, List.of());
        }
        if (ctx.dictorsetmaker() instanceof PyParser.DictContext dict) {
            if (dict.comp_for() != null) {
                return other(ctx);
            }
            List<Expr.Entry> entries = new ArrayList<>();
            for (PyParser.Dict_entryContext entry : dict.dict_entry()) {
                entries.add(entry.POWER() != null
                        ? new Expr.Entry(null, expr(entry.expr()))
                        : new Expr.Entry(test(entry.test(0)), test(entry.test(1))));
            }
            return new Expr.DictExpr(at, entries);
        }
        PyParser.SetContext set = (PyParser.SetContext) ctx.dictorsetmaker();
        if (set.comp_for() != null) {
            return other(ctx);
        }
        List<Expr> items = new ArrayList<>();
        for (int i = 0; i < set.getChildCount(); i++) {
            ParseTree child = set.getChild(i);
            if (child instanceof PyParser.TestContext test) {
                items.add(test(test));
            } else if (child instanceof PyParser.Star_exprContext star) {
                items.add(starred(star));
            }
        }
        return new Expr.SetExpr(at, items);
    }

    private Expr strings(Location at, List<TerminalNode> tokens) {
        StringBuilder value = new StringBuilder();
        List<String> parts = new ArrayList<>(tokens.size());
        boolean formatted = false;
        boolean bytes = false;
        for (TerminalNode token : tokens) {
            String text = token.getText();
            String prefix = StringLiterals.prefix(text);
            formatted |= prefix.contains("f");
            bytes |= prefix.contains("b");
            String part = StringLiterals.value(text);
            parts.add(part);
            value.append(part);
        }
        return new Expr.Str(at, value.toString(), formatted, bytes, parts);
    }
}
