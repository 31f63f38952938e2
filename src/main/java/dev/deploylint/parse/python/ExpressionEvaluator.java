package dev.deploylint.parse.python;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates one expression to a {@link Value}: literals, names, paths built with os.path and
 * pathlib from {@code __file__}, environment reads (os.environ, os.getenv, django-environ,
 * environs, python-decouple) and calls to imported functions, which are reported to a listener.
 */
final class ExpressionEvaluator {

    private static final int MAX_DEPTH = 200;
    /** environs' {@code Env} parser methods that read one variable (environs 9-14, README "Supported types"). */
    private static final java.util.Set<String> ENVIRONS_PARSERS = java.util.Set.of(
            "str", "bool", "int", "float", "decimal", "list", "dict", "json", "datetime", "date", "time", "timedelta",
            "path", "log_level", "uuid", "url", "enum", "dj_email_url", "dj_cache_url");
    private static final java.util.Set<String> PATH_METHODS = java.util.Set.of("resolve", "absolute", "expanduser", "joinpath");
    /** String methods whose result on an environment read deploylint follows: the default changes, the variable stays. */
    private static final java.util.Set<String> TEXT_METHODS = java.util.Set.of("lower", "upper", "casefold", "strip", "lstrip", "rstrip");

    private final Function<String, Value> lookup;
    private final String modulePath;
    private final CallListener onCall;
    private final EnvListener onEnvRead;
    private final EvaluationBudget budget;
    /** Variables the called django-environ {@code Env(NAME=(cast, default))} declares, with that tuple. */
    private java.util.Map<String, Expr.TupleExpr> envScheme = java.util.Map.of();

    /** Told of every call to a named function, with the values of its positional and named arguments. */
    interface CallListener {
        void call(String qualifiedName, Expr.Call call, List<Value> args, java.util.Map<String, Value> keywords);
    }

    /** Told of every environment variable an expression reads. */
    interface EnvListener {
        void read(String variable, boolean hasDefault, dev.deploylint.source.Location at);
    }
    private int depth;

    ExpressionEvaluator(Function<String, Value> lookup, String modulePath, CallListener onCall,
                        EnvListener onEnvRead, EvaluationBudget budget) {
        this.budget = budget;
        this.lookup = lookup;
        this.modulePath = modulePath;
        this.onCall = onCall;
        this.onEnvRead = onEnvRead;
    }

    Value eval(Expr expr) {
        if (expr == null || depth > MAX_DEPTH || !budget.spend(1)) {
            return Value.UNKNOWN;
        }
        depth++;
        try {
            return evalNode(expr);
        } finally {
            depth--;
        }
    }

    private Value evalNode(Expr expr) {
        if (expr instanceof Expr.Str s) {
            return s.formatted() || s.bytes() ? Value.UNKNOWN : new Value.Str(s.value());
        }
        if (expr instanceof Expr.Num n) {
            return new Value.Num(n.text());
        }
        if (expr instanceof Expr.Constant c) {
            return c.value() == null ? Value.NONE : new Value.Bool(c.value());
        }
        if (expr instanceof Expr.Name n) {
            return n.id().equals("__file__") ? new Value.PathValue(modulePath) : lookup.apply(n.id());
        }
        if (expr instanceof Expr.ListExpr l) {
            return seq(Value.Seq.Kind.LIST, items(l.items()));
        }
        if (expr instanceof Expr.TupleExpr t) {
            return seq(Value.Seq.Kind.TUPLE, items(t.items()));
        }
        if (expr instanceof Expr.SetExpr s) {
            return seq(Value.Seq.Kind.SET, items(s.items()));
        }
        if (expr instanceof Expr.DictExpr d) {
            List<Value.Entry> entries = new ArrayList<>();
            long weight = 1;
            for (Expr.Entry entry : d.entries()) {
                if (entry.key() == null) {
                    eval(entry.value());
                    return Value.UNKNOWN;
                }
                Value.Entry item = new Value.Entry(eval(entry.key()), eval(entry.value()));
                weight += 1 + budget.weight(item.key()) + budget.weight(item.value());
                if (weight > EvaluationBudget.MAX_WEIGHT || budget.spent()) {
                    return Value.UNKNOWN;
                }
                entries.add(item);
            }
            return budget.bounded(new Value.Dict(entries));
        }
        if (expr instanceof Expr.Attribute a) {
            return attribute(eval(a.value()), a.name());
        }
        if (expr instanceof Expr.Subscript s) {
            return subscript(eval(s.value()), eval(s.index()), s.at());
        }
        if (expr instanceof Expr.Call c) {
            return call(c);
        }
        if (expr instanceof Expr.BinOp b) {
            return binary(b.op(), eval(b.left()), eval(b.right()));
        }
        if (expr instanceof Expr.UnaryOp u) {
            Value operand = eval(u.operand());
            if (u.op().equals("not")) {
                Boolean truth = Value.truth(operand);
                if (truth == null) {
                    Value.EnvDerived derived = Value.envTruth(operand);
                    return derived == null ? Value.UNKNOWN
                            : new Value.EnvDerived(derived.variable(), new Value.Bool(!Value.truth(derived.whenUnset())), derived.change());
                }
                return new Value.Bool(!truth);
            }
            return u.op().equals("-") && operand instanceof Value.Num n ? new Value.Num("-" + n.text()) : Value.UNKNOWN;
        }
        if (expr instanceof Expr.BoolOp b) {
            return boolOp(b);
        }
        if (expr instanceof Expr.Compare c) {
            return compare(c);
        }
        if (expr instanceof Expr.IfExp e) {
            return ifExp(e);
        }
        if (expr instanceof Expr.Starred s) {
            eval(s.value());
        }
        return Value.UNKNOWN;
    }

    /**
     * {@code a if test else b}: the branch the test picks when it is certain; when the test depends on
     * one environment variable, the branch taken while it is unset, as an {@link Value.EnvDerived}.
     * Branches not certain to run are evaluated without recording their reads and calls.
     */
    private Value ifExp(Expr.IfExp e) {
        Value test = eval(e.test());
        Boolean truth = Value.truth(test);
        if (truth != null) {
            return eval(truth ? e.body() : e.orElse());
        }
        Value.EnvDerived choice = Value.envTruth(test);
        if (choice == null) {
            return Value.UNKNOWN;
        }
        ExpressionEvaluator quiet = new ExpressionEvaluator(lookup, modulePath, (name, call, args, keywords) -> { }, (variable, hasDefault, at) -> { }, budget);
        quiet.depth = depth;
        Value taken = quiet.eval(Boolean.TRUE.equals(Value.truth(choice.whenUnset())) ? e.body() : e.orElse());
        return new Value.EnvDerived(choice.variable(), taken, choice.change());
    }
    /** {@code and}/{@code or} with Python's short-circuit result, when the operands' truth is known. */
    private Value boolOp(Expr.BoolOp op) {
        boolean and = op.op().equals("and");
        Value result = null;
        boolean known = true;
        for (Expr operand : op.values()) {
            Value value = eval(operand);
            if (!known) {
                continue;
            }
            Boolean truth = Value.truth(value);
            result = value;
            if (truth == null) {
                known = false;
            } else if (truth != and) {
                break;
            }
        }
        return known && result != null ? result : Value.UNKNOWN;
    }

    /** A comparison of constants; anything involving an unknown value is unknown. */
    private Value compare(Expr.Compare compare) {
        Value left = eval(compare.left());
        if (compare.ops().size() == 1) {
            Value right = eval(compare.comparators().get(0));
            Value derived = envComparison(compare.ops().get(0), left, right, compare.at());
            if (derived != null) {
                return derived;
            }
            Boolean outcome = compareConstants(compare.ops().get(0), left, right);
            return outcome == null ? Value.UNKNOWN : new Value.Bool(outcome);
        }
        boolean result = true;
        boolean known = true;
        for (int i = 0; i < compare.ops().size(); i++) {
            Value right = eval(compare.comparators().get(i));
            Boolean outcome = known ? compareConstants(compare.ops().get(i), left, right) : null;
            if (outcome == null) {
                known = false;
            } else {
                result &= outcome;
            }
            left = right;
        }
        return known ? new Value.Bool(result) : Value.UNKNOWN;
    }

    private static Boolean compareConstants(String op, Value left, Value right) {
        boolean constants = isConstant(left) && isConstant(right);
        switch (op) {
            case "==", "is" -> {
                return constants ? left.equals(right) : null;
            }
            case "!=", "is not" -> {
                return constants ? !left.equals(right) : null;
            }
            case "in", "not in" -> {
                if (!isConstant(left) || !(right instanceof Value.Seq seq) || !seq.items().stream().allMatch(ExpressionEvaluator::isConstant)) {
                    return null;
                }
                return seq.items().contains(left) == op.equals("in");
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * A comparison of a text environment read with constants ({@code os.getenv("DEBUG", "True") == "True"},
     * {@code os.getenv("X") is None}, {@code "X" in os.environ}) as an {@link Value.EnvDerived}; null otherwise.
     */
    private Value envComparison(String op, Value left, Value right, dev.deploylint.source.Location at) {
        if (left instanceof Value.Str name && right instanceof Value.Ref ref && ref.qualifiedName().equals("os.environ")
                && (op.equals("in") || op.equals("not in"))) {
            onEnvRead.read(name.value(), true, at);
            return new Value.EnvDerived(name.value(), new Value.Bool(op.equals("not in")), "any value");
        }
        if (right instanceof Value.EnvRead && isConstant(left) && (op.equals("==") || op.equals("!="))) {
            return envComparison(op, right, left, at);
        }
        if (!(left instanceof Value.EnvRead env) || env.cast() != Value.EnvRead.Cast.TEXT || env.whenUnset() == null
                || !isConstant(env.whenUnset())) {
            return null;
        }
        Value unset = env.whenUnset();
        Boolean result = compareConstants(op, unset, right);
        if (result == null) {
            return null;
        }
        String change;
        if (right instanceof Value.NoneValue) {
            if (!(unset instanceof Value.NoneValue)) {
                return null;
            }
            change = "any value";
        } else if (right instanceof Value.Str text && (op.equals("==") || op.equals("!="))) {
            change = result == op.equals("==") ? "any value but `" + text.value() + "`" : "`" + text.value() + "`";
        } else if (right instanceof Value.Seq seq && seq.items().stream().allMatch(v -> v instanceof Value.Str) && !seq.items().isEmpty()) {
            String listed = seq.items().stream().map(v -> "`" + ((Value.Str) v).value() + "`").collect(java.util.stream.Collectors.joining(", "));
            change = result == op.equals("in") ? "a value other than " + listed : "one of " + listed;
        } else {
            return null;
        }
        return new Value.EnvDerived(env.name(), new Value.Bool(result), change);
    }

    private static boolean isConstant(Value value) {
        return value instanceof Value.Str || value instanceof Value.Num || value instanceof Value.Bool || value instanceof Value.NoneValue;
    }

    /** The items of a display or the arguments of a call; null when they would be too heavy to keep. */
    private List<Value> items(List<Expr> exprs) {
        List<Value> values = new ArrayList<>();
        long weight = 1;
        for (Expr item : exprs) {
            if (item instanceof Expr.Starred starred) {
                Value spread = eval(starred.value());
                if (spread instanceof Value.Seq seq) {
                    weight += budget.weight(seq) - 1;
                    if (weight > EvaluationBudget.MAX_WEIGHT) {
                        return null;
                    }
                    values.addAll(seq.items());
                } else {
                    values.add(Value.UNKNOWN);
                }
            } else {
                Value value = eval(item);
                weight += budget.weight(value);
                values.add(value);
            }
            if (weight > EvaluationBudget.MAX_WEIGHT || budget.spent()) {
                return null;
            }
        }
        return values;
    }

    private Value seq(Value.Seq.Kind kind, List<Value> items) {
        return items == null ? Value.UNKNOWN : budget.bounded(new Value.Seq(kind, items));
    }

    private Value attribute(Value base, String name) {
        if (base instanceof Value.Ref ref) {
            return new Value.Ref(ref.qualifiedName() + "." + name);
        }
        if (base instanceof Value.PathValue path && name.equals("parent")) {
            return parent(path);
        }
        if (base instanceof Value.CallResult result) {
            return new Value.Ref(result.qualifiedName() + "()." + name);
        }
        return Value.UNKNOWN;
    }

    private Value subscript(Value base, Value index, dev.deploylint.source.Location at) {
        if (base instanceof Value.Ref ref && ref.qualifiedName().equals("os.environ") && index instanceof Value.Str name) {
            onEnvRead.read(name.value(), false, at);
            return new Value.EnvRead(name.value(), null);
        }
        if (base instanceof Value.Dict dict && index instanceof Value.Str key) {
            Value found = dict.get(key.value());
            return found == null ? Value.UNKNOWN : found;
        }
        if (base instanceof Value.Seq seq && index instanceof Value.Num n && n.text().matches("\\d{1,6}")) {
            int i = Integer.parseInt(n.text());
            return i < seq.items().size() ? seq.items().get(i) : Value.UNKNOWN;
        }
        return Value.UNKNOWN;
    }

    private Value binary(String op, Value left, Value right) {
        if (op.equals("/") && left instanceof Value.PathValue path && right instanceof Value.Str part) {
            return budget.bounded(join(path, part.value()));
        }
        if (op.equals("+")) {
            return concatenation(left, right, budget);
        }
        return Value.UNKNOWN;
    }

    /** {@code left + right} for strings, lists and tuples; unknown when the result would be too heavy. */
    static Value concatenation(Value left, Value right, EvaluationBudget budget) {
        boolean strings = left instanceof Value.Str && right instanceof Value.Str;
        boolean sequences = left instanceof Value.Seq && right instanceof Value.Seq;
        if (!strings && !sequences || budget.tooHeavy(left, right)) {
            return Value.UNKNOWN;
        }
        if (left instanceof Value.Str a && right instanceof Value.Str b) {
            return budget.bounded(new Value.Str(a.value() + b.value()));
        }
        Value.Seq a = (Value.Seq) left;
        Value.Seq b = (Value.Seq) right;
        return budget.appended(a, new Value.Seq(a.kind(), SharedList.appended(a.items(), b.items())), b.items().size(), budget.weight(b) - 1);
    }

    private Value call(Expr.Call call) {
        if (call.func() instanceof Expr.Attribute method && PATH_METHODS.contains(method.name())) {
            Value receiver = eval(method.value());
            if (receiver instanceof Value.PathValue path) {
                List<Value> args = items(call.args());
                args = args == null ? List.of(Value.UNKNOWN) : args;
                return method.name().equals("joinpath") && args.size() == 1 && args.get(0) instanceof Value.Str part
                        ? join(path, part.value()) : method.name().equals("joinpath") ? Value.UNKNOWN : path;
            }
        }
        Value function;
        if (call.func() instanceof Expr.Attribute method && TEXT_METHODS.contains(method.name()) && method.value() instanceof Expr.Call
                && call.args().isEmpty() && call.keywords().isEmpty()) {
            Value receiver = eval(method.value());
            if (receiver instanceof Value.EnvRead env && env.cast() == Value.EnvRead.Cast.TEXT) {
                // os.getenv("X").lower() fails while X is unset: only a text default survives
                Value fallback = env.whenUnset() instanceof Value.Str text ? new Value.Str(textMethod(method.name(), text.value())) : null;
                return new Value.EnvRead(env.name(), fallback, Value.EnvRead.Cast.TEXT, false);
            }
            function = attribute(receiver, method.name());
        } else {
            function = eval(call.func());
        }
        envScheme = environScheme(call.func(), function);
        List<Value> args = items(call.args());
        args = args == null ? List.of(Value.UNKNOWN) : args;
        String name = function instanceof Value.Ref ref ? ref.qualifiedName()
                : function instanceof Value.CallResult result ? result.qualifiedName() + "()" : null;
        java.util.Map<String, Value> keywords = new java.util.LinkedHashMap<>();
        for (Expr.Keyword keyword : call.keywords()) {
            Value value = eval(keyword.value());
            if (keyword.name() != null) {
                keywords.put(keyword.name(), value);
            }
        }
        if (name != null) {
            onCall.call(name, call, args, keywords);
        }
        if (name == null) {
            return Value.UNKNOWN;
        }
        Value result = known(name, args, call);
        return result != null ? result : new Value.CallResult(name, call);
    }

    /** Functions whose results deploylint understands; null for the rest. */
    private Value known(String name, List<Value> args, Expr.Call call) {
        switch (name) {
            case "os.path.join" -> {
                if (!args.isEmpty() && args.get(0) instanceof Value.PathValue path) {
                    Value joined = path;
                    for (Value part : args.subList(1, args.size())) {
                        joined = joined instanceof Value.PathValue p && part instanceof Value.Str s ? join(p, s.value()) : Value.UNKNOWN;
                    }
                    return joined;
                }
                return Value.UNKNOWN;
            }
            case "os.path.dirname" -> {
                return args.size() == 1 && args.get(0) instanceof Value.PathValue path ? parent(path) : Value.UNKNOWN;
            }
            case "os.path.abspath", "os.path.realpath", "os.path.normpath", "str", "pathlib.Path", "pathlib.PurePath",
                    "os.fspath" -> {
                return args.size() == 1 && args.get(0) instanceof Value.PathValue path ? path : null;
            }
            case "os.environ.get", "os.getenv" -> {
                return envRead(name, args, call, "default");
            }
            case "decouple.config" -> {
                return envRead(name, args, call, "default");
            }
            case "bool" -> {
                return args.size() == 1 && call.keywords().isEmpty() && Value.envTruth(args.get(0)) != null ? Value.envTruth(args.get(0)) : null;
            }
            case "distutils.util.strtobool" -> {
                if (args.size() == 1 && args.get(0) instanceof Value.EnvRead env && env.cast() == Value.EnvRead.Cast.TEXT
                        && env.whenUnset() instanceof Value.Str text && Value.boolWord(text.value()) != null) {
                    return new Value.EnvRead(env.name(), new Value.Bool(Value.boolWord(text.value())), Value.EnvRead.Cast.BOOL, false);
                }
                return null;
            }
            default -> {
            }
        }
        if (name.equals("environ.Env().db") || name.equals("environ.Env().db_url")) {
            onEnvRead.read(args.isEmpty() || !(args.get(0) instanceof Value.Str var) ? "DATABASE_URL" : var.value(), true, call.at());
            return null;
        }
        if (name.startsWith("environ.Env().") || name.equals("environ.Env()")) {
            return envRead(name, args, call, "default");
        }
        if (name.equals("environs.Env().dj_db_url")) {
            boolean hasDefault = args.size() > 1 || call.keywords().stream().anyMatch(k -> "default".equals(k.name()));
            onEnvRead.read(args.isEmpty() || !(args.get(0) instanceof Value.Str var) ? "DATABASE_URL" : var.value(), hasDefault, call.at());
            return null;
        }
        if (name.equals("environs.Env()") || name.startsWith("environs.Env().") && ENVIRONS_PARSERS.contains(name.substring("environs.Env().".length()))) {
            return envRead(name, args, call, "default");
        }
        if (name.equals("dj_database_url.config")) {
            Value variable = call.keywords().stream().filter(k -> "env".equals(k.name())).map(k -> eval(k.value())).findFirst()
                    .orElse(new Value.Str("DATABASE_URL"));
            if (variable instanceof Value.Str var) {
                onEnvRead.read(var.value(), true, call.at());
            }
            return null;
        }
        return null;
    }

    /** The scheme of the django-environ Env instance a call goes to: {@code env(...)} or {@code env.bool(...)}. */
    private java.util.Map<String, Expr.TupleExpr> environScheme(Expr func, Value function) {
        Value receiver = function;
        if (func instanceof Expr.Attribute attribute) {
            // Only a name is looked up again: evaluating a call twice would record it twice.
            receiver = attribute.value() instanceof Expr.Name ? eval(attribute.value()) : Value.UNKNOWN;
        }
        if (receiver instanceof Value.CallResult result && result.qualifiedName().equals("environ.Env")) {
            java.util.Map<String, Expr.TupleExpr> names = new java.util.HashMap<>();
            for (Expr.Keyword keyword : result.call().keywords()) {
                if (keyword.name() != null && keyword.value() instanceof Expr.TupleExpr tuple && tuple.items().size() == 2) {
                    names.put(keyword.name(), tuple);
                }
            }
            return names;
        }
        return java.util.Map.of();
    }

    private Value envRead(String name, List<Value> args, Expr.Call call, String defaultKeyword) {
        if (args.isEmpty() || !(args.get(0) instanceof Value.Str variable)) {
            return Value.UNKNOWN;
        }
        // django-environ's Env()(var, cast, default) takes the cast second; every other reader takes the default
        boolean environCall = name.equals("environ.Env()");
        Value fallback = args.size() > (environCall ? 2 : 1) ? args.get(environCall ? 2 : 1) : null;
        Value.EnvRead.Cast cast = castOf(name);
        if (environCall && args.size() > 1) {
            cast = args.get(1) instanceof Value.Ref ref && ref.qualifiedName().equals("bool") ? Value.EnvRead.Cast.BOOL : Value.EnvRead.Cast.OTHER;
        }
        for (Expr.Keyword keyword : call.keywords()) {
            if (defaultKeyword.equals(keyword.name())) {
                fallback = eval(keyword.value());
            } else if ("cast".equals(keyword.name())) {
                cast = keyword.value() instanceof Expr.Name type && type.id().equals("bool") ? Value.EnvRead.Cast.BOOL : Value.EnvRead.Cast.OTHER;
            }
        }
        Expr.TupleExpr scheme = envScheme.get(variable.value());
        if (scheme != null) {
            fallback = fallback != null ? fallback : eval(scheme.items().get(1));
            if (environCall && cast == Value.EnvRead.Cast.TEXT) {
                cast = scheme.items().get(0) instanceof Expr.Name type && type.id().equals("bool") ? Value.EnvRead.Cast.BOOL : Value.EnvRead.Cast.OTHER;
            }
        }
        boolean optional = name.equals("os.environ.get") || name.equals("os.getenv");
        boolean required = fallback == null && !optional && scheme == null;
        onEnvRead.read(variable.value(), !required, call.at());
        return new Value.EnvRead(variable.value(), fallback, cast, optional);
    }

    /** What a reader turns the variable's text into, by its qualified name. */
    private static Value.EnvRead.Cast castOf(String reader) {
        return switch (reader) {
            case "os.environ.get", "os.getenv", "decouple.config", "environ.Env()", "environ.Env().str", "environs.Env()",
                    "environs.Env().str" -> Value.EnvRead.Cast.TEXT;
            case "environ.Env().bool", "environs.Env().bool" -> Value.EnvRead.Cast.BOOL;
            default -> Value.EnvRead.Cast.OTHER;
        };
    }

    private static String textMethod(String method, String text) {
        return switch (method) {
            case "lower" -> text.toLowerCase(java.util.Locale.ROOT);
            case "upper" -> text.toUpperCase(java.util.Locale.ROOT);
            case "casefold" -> text.toLowerCase(java.util.Locale.ROOT);
            case "lstrip" -> text.stripLeading();
            case "rstrip" -> text.stripTrailing();
            default -> text.strip();
        };
    }

    private static Value parent(Value.PathValue path) {
        String p = path.path();
        if (p.isEmpty()) {
            return Value.UNKNOWN;
        }
        int slash = p.lastIndexOf('/');
        return new Value.PathValue(slash < 0 ? "" : p.substring(0, slash));
    }

    static Value join(Value.PathValue base, String part) {
        if (part.startsWith("/")) {
            return Value.UNKNOWN;
        }
        String joined = base.path().isEmpty() ? part : base.path() + "/" + part;
        List<String> parts = new ArrayList<>();
        for (String segment : joined.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return Value.UNKNOWN;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment);
            }
        }
        return new Value.PathValue(String.join("/", parts));
    }
}
