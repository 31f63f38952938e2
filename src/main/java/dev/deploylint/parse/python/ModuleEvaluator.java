package dev.deploylint.parse.python;

import dev.deploylint.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a Python module abstractly, in statement order, to learn the values it assigns at top
 * level: imports inside the app are followed ({@code from .base import *}), list and dict
 * updates are applied, paths built from {@code __file__} and environment reads are understood.
 * Nothing is executed. Values assigned inside {@code if}, {@code try} or loops are marked
 * conditional; function and class bodies are not entered.
 */
public final class ModuleEvaluator {

    /** The Heroku helpers whose {@code settings(locals())} call the evaluator models: django-heroku and django-on-heroku. */
    public static final java.util.Set<String> HEROKU_HELPERS = HerokuSettingsHelper.NAMES;

    /** Finds a module of the app by dotted name. */
    public interface ModuleSource {
        Optional<LoadedModule> load(String dottedName);
    }

    /** A parsed module with its dotted name; packages are their {@code __init__.py}. */
    public record LoadedModule(String name, boolean isPackage, PythonModule module) {
    }

    /**
     * The value a name has after the module ran and the statement that last set it. {@code
     * conditional} is true when some paths through the module leave the name unset; {@code via}
     * is the import in the evaluated module that brought the value in from another module, or null.
     */
    public record Binding(Value value, Location at, boolean conditional, Location via) {

        Binding withVia(Location importAt) {
            return new Binding(value, at, conditional, importAt);
        }

        Binding maybeUnset() {
            return conditional ? this : new Binding(value, at, true, via);
        }
    }

    /**
     * A call to an imported function, by qualified name, met anywhere in the evaluated modules, with
     * what is known of its positional arguments and of its named arguments by name.
     */
    public record CallSite(String qualifiedName, Expr.Call call, boolean conditional, List<Value> args, Map<String, Value> keywords) {

        public CallSite {
            args = List.copyOf(args);
            keywords = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
        }

        /** The argument at {@code position}, or given as {@code keyword}; null when the call has neither. */
        public Value argument(int position, String keyword) {
            Value named = keywords.get(keyword);
            return named != null ? named : position < args.size() ? args.get(position) : null;
        }
    }

    /**
     * A read of environment variable {@code name}: {@code required} when the code has no default
     * and fails at import if it is unset ({@code os.environ["X"]}, {@code env("X")}, {@code config("X")}).
     */
    public record EnvUse(String name, boolean required, Location at, boolean conditional) {
    }

    /**
     * An {@code if} whose test depends on one environment variable ({@code if os.environ.get("ON_HEROKU"):}):
     * {@code whenUnset} holds the names the block taken while the variable is unset assigns, with their
     * values, and {@code whenChanged} those of the block that {@code change} (see {@link Value.EnvDerived})
     * selects. {@code conditional} is true when the statement itself runs only on some paths.
     */
    public record EnvSwitch(String variable, String change, Location at, boolean conditional, Map<String, Value> whenUnset,
                            Map<String, Value> whenChanged) {
    }

    /** An import statement met in the evaluated modules: {@code module} and, for from-imports, the name. */
    public record ImportSite(String module, String name, Location at) {
    }

    /**
     * The names a module defines. {@code opaque} is true when a star import from outside the app
     * (or a module that could not be read) may have defined names deploylint cannot see.
     */
    public record Namespace(Map<String, Binding> bindings, boolean opaque) {
        public Optional<Binding> get(String name) {
            return Optional.ofNullable(bindings.get(name));
        }
    }

    /** The outcome: the root module's names plus everything met on the way. */
    public record Evaluation(Namespace namespace, List<CallSite> calls, List<ImportSite> imports, List<String> modules,
                             Set<String> environmentVariables, List<EnvUse> environmentReads, List<EnvSwitch> environmentSwitches) {

        /** Calls to {@code qualifiedName}, in the order met. */
        public List<CallSite> callsTo(String qualifiedName) {
            return calls.stream().filter(c -> c.qualifiedName().equals(qualifiedName)).toList();
        }
    }

    private static final int MAX_IMPORT_DEPTH = 16;
    /** Calls that define module names in ways deploylint does not follow. */
    private static final Set<String> UNMODELLED = Set.of("exec", "execfile", "split_settings.tools.include");
    private static final Set<String> MUTATORS = Set.of("append", "insert", "extend", "remove", "update", "pop", "clear", "setdefault");

    private final ModuleSource source;
    private final Map<String, Namespace> evaluated = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final List<CallSite> calls = new ArrayList<>();
    private final List<ImportSite> imports = new ArrayList<>();
    private final List<String> modules = new ArrayList<>();
    private final Set<String> environmentVariables = new java.util.TreeSet<>();
    private final List<EnvUse> environmentReads = new ArrayList<>();
    private final List<EnvSwitch> environmentSwitches = new ArrayList<>();
    private final EvaluationBudget budget;

    private ModuleEvaluator(ModuleSource source, EvaluationBudget budget) {
        this.source = source;
        this.budget = budget;
    }

    public static Evaluation evaluate(LoadedModule root, ModuleSource source) {
        return evaluate(root, source, new EvaluationBudget());
    }

    static Evaluation evaluate(LoadedModule root, ModuleSource source, EvaluationBudget budget) {
        ModuleEvaluator evaluator = new ModuleEvaluator(source, budget);
        Namespace namespace = evaluator.run(root);
        return new Evaluation(namespace, List.copyOf(evaluator.calls), List.copyOf(evaluator.imports), List.copyOf(evaluator.modules),
                java.util.Collections.unmodifiableSet(evaluator.environmentVariables), List.copyOf(evaluator.environmentReads),
                List.copyOf(evaluator.environmentSwitches));
    }

    private Namespace run(LoadedModule module) {
        Namespace done = evaluated.get(module.name());
        if (done != null) {
            return done;
        }
        inProgress.add(module.name());
        modules.add(module.module().path());
        Scope scope = new Scope(module);
        // Statements lost to a syntax error may set anything: a missing setting is then not certain.
        scope.opaque = !module.module().problems().isEmpty();
        scope.block(module.module().body(), false);
        inProgress.remove(module.name());
        Namespace namespace = budget.spent() ? unknown(scope.bindings) : new Namespace(scope.bindings, scope.opaque);
        evaluated.put(module.name(), namespace);
        return namespace;
    }

    /**
     * What is left of a module whose evaluation ran out of budget: every name it set has an unknown
     * value, as statements not evaluated may have changed it, and it may have set names not seen.
     */
    private static Namespace unknown(Map<String, Binding> bindings) {
        Map<String, Binding> unknown = new LinkedHashMap<>();
        bindings.forEach((name, binding) -> unknown.put(name, new Binding(Value.UNKNOWN, binding.at(), binding.conditional(), binding.via())));
        return new Namespace(unknown, true);
    }

    /**
     * The bindings seen by one path of a branch: the names it binds, over the state the branch
     * started from, which it reads but never changes.
     */
    private static final class Layer extends java.util.AbstractMap<String, Binding> {
        private final Map<String, Binding> below;
        private final Map<String, Binding> written = new LinkedHashMap<>();

        Layer(Map<String, Binding> below) {
            this.below = below;
        }

        @Override
        public Binding get(Object name) {
            return written.containsKey(name) ? written.get(name) : below.get(name);
        }

        @Override
        public boolean containsKey(Object name) {
            return written.containsKey(name) || below.containsKey(name);
        }

        @Override
        public Binding put(String name, Binding binding) {
            Binding previous = get(name);
            written.put(name, binding);
            return previous;
        }

        /** Every name, in the order a copy of the state would hold them (reached only by code that walks all names). */
        @Override
        public java.util.Set<Map.Entry<String, Binding>> entrySet() {
            Map<String, Binding> all = new LinkedHashMap<>(below);
            all.putAll(written);
            return java.util.Collections.unmodifiableMap(all).entrySet();
        }
    }

    /** The state of one module while it runs. */
    private final class Scope {
        private final LoadedModule module;
        private Map<String, Binding> bindings = new LinkedHashMap<>();
        private boolean opaque;

        Scope(LoadedModule module) {
            this.module = module;
        }

        void block(List<Stmt> body, boolean conditional) {
            for (Stmt stmt : body) {
                if (!budget.spend(1)) {
                    return;
                }
                statement(stmt, conditional);
            }
        }

        void statement(Stmt stmt, boolean conditional) {
            if (stmt instanceof Stmt.Import s) {
                for (Stmt.Alias alias : s.names()) {
                    imports.add(new ImportSite(alias.name(), null, alias.at()));
                    String bound = alias.asName() != null ? alias.asName() : alias.name().split("\\.")[0];
                    String target = alias.asName() != null ? alias.name() : bound;
                    bind(bound, new Value.Ref(target), alias.at(), conditional);
                }
            } else if (stmt instanceof Stmt.ImportFrom s) {
                importFrom(s, conditional);
            } else if (stmt instanceof Stmt.Assign s) {
                Value value = eval(s.value(), conditional);
                for (Expr target : s.targets()) {
                    assign(target, value, s.at(), conditional);
                }
            } else if (stmt instanceof Stmt.AnnAssign s) {
                if (s.value() != null) {
                    assign(s.target(), eval(s.value(), conditional), s.at(), conditional);
                }
            } else if (stmt instanceof Stmt.AugAssign s) {
                augAssign(s, conditional);
            } else if (stmt instanceof Stmt.ExprStmt s) {
                exprStatement(s, conditional);
            } else if (stmt instanceof Stmt.If s) {
                ifChain(s, conditional);
            } else if (stmt instanceof Stmt.Try s) {
                List<Runnable> paths = new ArrayList<>();
                paths.add(() -> {
                    block(s.body(), true);
                    block(s.orElse(), true);
                });
                for (Stmt.Handler handler : s.handlers()) {
                    paths.add(() -> block(handler.body(), true));
                }
                paths(paths);
                block(s.finalBody(), conditional);
            } else if (stmt instanceof Stmt.With s) {
                s.items().forEach(item -> eval(item, conditional));
                block(s.body(), conditional);
            } else if (stmt instanceof Stmt.Loop s) {
                branches(List.of(s.body(), List.of()));
                block(s.orElse(), true);
            } else if (stmt instanceof Stmt.FunctionDef s) {
                bind(s.name(), new Value.Ref(module.name() + "." + s.name()), s.at(), conditional);
            } else if (stmt instanceof Stmt.ClassDef s) {
                bind(s.name(), new Value.Ref(module.name() + "." + s.name()), s.at(), conditional);
            }
        }

        /**
         * An {@code if/elif/else} chain, walked in a loop rather than once per {@code elif}: the
         * blocks that may run are those up to the first certainly true test, skipping certainly
         * false ones; one certain block runs as is, several are merged as undecided paths.
         */
        private void ifChain(Stmt.If first, boolean conditional) {
            List<List<Stmt>> candidates = new ArrayList<>();
            boolean undecided = false;
            boolean decided = false;
            Value.EnvDerived envTest = null;
            for (Stmt.If branch : first.chain()) {
                Value testValue = eval(branch.test(), conditional || undecided);
                if (branch == first) {
                    envTest = Value.envTruth(testValue);
                }
                Boolean test = Value.truth(testValue);
                if (Boolean.FALSE.equals(test)) {
                    continue;
                }
                candidates.add(branch.body());
                if (test == null) {
                    undecided = true;
                } else {
                    decided = true;
                    break;
                }
            }
            if (!decided) {
                candidates.add(first.finalElse());
            }
            if (!undecided) {
                block(candidates.get(0), conditional);
                return;
            }
            List<Map<String, Binding>> outcomes = branches(candidates);
            // if X: ... [else: ...] on one environment variable: which block runs while it is unset, which once it is set
            if (envTest != null && first.chain().size() == 1 && candidates.size() == 2 && outcomes.size() == 2) {
                boolean bodyWhenUnset = Boolean.TRUE.equals(Value.truth(envTest.whenUnset()));
                environmentSwitches.add(new EnvSwitch(envTest.variable(), envTest.change(), first.at(), conditional,
                        assigned(outcomes.get(bodyWhenUnset ? 0 : 1)), assigned(outcomes.get(bodyWhenUnset ? 1 : 0))));
            }
        }

        /** The names a block bound anew (the names its layer wrote), with their values. */
        private Map<String, Value> assigned(Map<String, Binding> written) {
            Map<String, Value> changed = new LinkedHashMap<>();
            written.forEach((name, binding) -> changed.put(name, binding.value()));
            return changed;
        }

        /**
         * Runs each block from the same state and merges what they leave: the paths of an undecided
         * branch. Returns the names each block bound, in order (fewer when the budget ran out).
         */
        private List<Map<String, Binding>> branches(List<List<Stmt>> blocks) {
            List<Runnable> paths = new ArrayList<>();
            for (List<Stmt> body : blocks) {
                paths.add(() -> block(body, true));
            }
            return paths(paths);
        }

        /**
         * Runs each path from the same state and merges what they leave. A path runs over a
         * {@link Layer} that records only the names it binds, and only those names are merged,
         * so a branch costs what it binds, not the size of the module: a settings module of
         * thousands of {@code if} blocks stays linear.
         */
        private List<Map<String, Binding>> paths(List<Runnable> paths) {
            Map<String, Binding> before = bindings;
            Map<String, Binding> merged = null; // the names some path bound; a null value is a name left unbound
            List<Map<String, Binding>> written = new ArrayList<>();
            try {
                for (Runnable path : paths) {
                    if (!budget.spend(2)) {
                        break;
                    }
                    Layer layer = new Layer(before);
                    bindings = layer;
                    path.run();
                    written.add(layer.written);
                    if (merged == null) {
                        merged = layer.written;
                        continue;
                    }
                    budget.spend(merged.size() + layer.written.size());
                    Map<String, Binding> next = new LinkedHashMap<>();
                    for (Map.Entry<String, Binding> entry : merged.entrySet()) {
                        String name = entry.getKey();
                        next.put(name, merge(entry.getValue(), layer.written.containsKey(name) ? layer.written.get(name) : before.get(name)));
                    }
                    for (Map.Entry<String, Binding> entry : layer.written.entrySet()) {
                        if (!merged.containsKey(entry.getKey())) {
                            next.put(entry.getKey(), merge(before.get(entry.getKey()), entry.getValue()));
                        }
                    }
                    merged = next;
                }
            } finally {
                bindings = before;
            }
            if (merged != null) {
                merged.forEach((name, binding) -> {
                    if (binding != null) {
                        before.put(name, binding);
                    }
                });
            }
            return written;
        }

        /** One name after one of two paths ran ({@code null}: unbound on that path); values that differ become {@link Value.OneOf}. */
        private Binding merge(Binding x, Binding y) {
            if (x == null || y == null) {
                return x == null && y == null ? null : (x == null ? y : x).maybeUnset();
            }
            if (x == y || x.value().equals(y.value())) {
                return x.conditional() || !y.conditional() ? x : y;
            }
            Binding later = x.at().compareTo(y.at()) >= 0 ? x : y;
            return new Binding(budget.bounded(Value.OneOf.of(x.value(), y.value())), later.at(),
                    x.conditional() || y.conditional(), later.via());
        }

        private void bind(String name, Value value, Location at, boolean conditional) {
            bindings.put(name, new Binding(value, at, false, null));
        }

        private void bindKeeping(String name, Value value, Location at, Binding current) {
            bindings.put(name, new Binding(value, at, current.conditional(), current.via()));
        }

        private void importFrom(Stmt.ImportFrom s, boolean conditional) {
            String target = absoluteName(s.level(), s.module());
            if (target == null) {
                opaque |= s.names().stream().anyMatch(a -> a.name().equals("*"));
                return;
            }
            for (Stmt.Alias alias : s.names()) {
                imports.add(new ImportSite(target, alias.name(), alias.at()));
            }
            Namespace imported = load(target);
            for (Stmt.Alias alias : s.names()) {
                if (alias.name().equals("*")) {
                    if (imported == null) {
                        opaque = true;
                        continue;
                    }
                    opaque |= imported.opaque();
                    imported.bindings().forEach((name, binding) -> {
                        if (!name.startsWith("_")) {
                            bindings.put(name, binding.withVia(alias.at()));
                        }
                    });
                    continue;
                }
                String bound = alias.asName() != null ? alias.asName() : alias.name();
                Binding binding = imported == null ? null : imported.bindings().get(alias.name());
                if (binding != null) {
                    bindings.put(bound, binding.withVia(alias.at()));
                } else {
                    bind(bound, new Value.Ref(target + "." + alias.name()), alias.at(), conditional);
                }
            }
        }

        /** The in-app module's namespace, or null when it is not part of the app. */
        private Namespace load(String name) {
            if (inProgress.contains(name) || inProgress.size() >= MAX_IMPORT_DEPTH) {
                return null;
            }
            Namespace done = evaluated.get(name);
            if (done != null) {
                return done;
            }
            return source.load(name).map(ModuleEvaluator.this::run).orElse(null);
        }

        private String absoluteName(int level, String name) {
            if (level == 0) {
                return name;
            }
            String[] parts = module.name().split("\\.");
            int keep = parts.length - level + (module.isPackage() ? 1 : 0);
            if (keep < 0 || (keep == 0 && name == null)) {
                return null;
            }
            String base = String.join(".", java.util.Arrays.copyOf(parts, keep));
            if (name == null) {
                return base;
            }
            return base.isEmpty() ? name : base + "." + name;
        }

        private void assign(Expr target, Value value, Location at, boolean conditional) {
            if (target instanceof Expr.Name name) {
                bind(name.id(), value, at, conditional);
            } else if (target instanceof Expr.Subscript subscript) {
                // NAME[k1][k2]... = value: STORAGES["default"]["BACKEND"] = "..." changes the entry inside
                List<Expr> keys = new ArrayList<>();
                Expr root = subscript;
                while (root instanceof Expr.Subscript item) {
                    keys.add(0, item.index());
                    root = item.value();
                }
                if (!(root instanceof Expr.Name name)) {
                    return;
                }
                Binding current = bindings.get(name.id());
                List<Value> keyValues = keys.stream().map(k -> eval(k, conditional)).toList();
                if (current != null) {
                    bindKeeping(name.id(), withItem(current.value(), keyValues, value), at, current);
                }
            } else if (target instanceof Expr.TupleExpr || target instanceof Expr.ListExpr) {
                List<Expr> items = target instanceof Expr.TupleExpr t ? t.items() : ((Expr.ListExpr) target).items();
                List<Value> values = value instanceof Value.Seq seq && seq.items().size() == items.size() ? seq.items() : null;
                for (int i = 0; i < items.size(); i++) {
                    assign(items.get(i), values == null ? Value.UNKNOWN : values.get(i), at, conditional);
                }
            }
        }

        /** {@code container} after {@code container[keys[0]][keys[1]]... = value}; unknown unless every level is a dict with a string key. */
        private Value withItem(Value container, List<Value> keys, Value value) {
            if (container instanceof Value.OneOf one) {
                Value result = null;
                for (Value option : one.options()) {
                    Value changed = withItem(option, keys, value);
                    result = result == null ? changed : Value.OneOf.of(result, changed);
                }
                return result;
            }
            if (!(container instanceof Value.Dict dict) || !(keys.get(0) instanceof Value.Str key)) {
                return Value.UNKNOWN;
            }
            Value item = value;
            if (keys.size() > 1) {
                Value inner = dict.get(key.value());
                item = inner == null ? Value.UNKNOWN : withItem(inner, keys.subList(1, keys.size()), value);
            }
            if (budget.tooHeavy(dict, item)) {
                return Value.UNKNOWN;
            }
            return withEntry(dict, key, item);
        }

        /** {@code dict} with {@code key: item} added after its entries (the last entry of a key wins), sharing them. */
        private Value withEntry(Value.Dict dict, Value key, Value item) {
            Value.Dict result = new Value.Dict(SharedList.appended(dict.entries(), List.of(new Value.Entry(key, item))));
            return budget.appended(dict, result, 1, 1 + budget.weight(key) + budget.weight(item));
        }

        private void augAssign(Stmt.AugAssign s, boolean conditional) {
            Value right = eval(s.value(), conditional);
            if (!(s.target() instanceof Expr.Name name)) {
                return;
            }
            Binding current = bindings.get(name.id());
            if (current == null) {
                opaque = true;
                return;
            }
            Value combined = s.op().equals("+") ? add(current.value(), right) : Value.UNKNOWN;
            bindKeeping(name.id(), combined, s.at(), current);
        }

        private void exprStatement(Stmt.ExprStmt s, boolean conditional) {
            if (s.value() instanceof Expr.Call call && isNamePath(call.func()) && eval(call.func(), conditional) instanceof Value.Ref function) {
                if (HerokuSettingsHelper.NAMES.contains(function.qualifiedName()) && HerokuSettingsHelper.configIsModule(call)) {
                    eval(s.value(), conditional);
                    HerokuSettingsHelper.apply(function.qualifiedName(), call, bindings, k -> eval(k, conditional))
                            .forEach((name, value) -> bind(name, value, call.at(), conditional));
                    return;
                }
                // exec(open(...).read()) and django-split-settings' include(...) define names deploylint cannot see
                opaque |= UNMODELLED.contains(function.qualifiedName());
            }
            if (s.value() instanceof Expr.Call call && call.func() instanceof Expr.Attribute method && method.name().equals("update")
                    && method.value() instanceof Expr.Call namespace && namespace.func() instanceof Expr.Name getter
                    && Set.of("globals", "locals", "vars").contains(getter.id())) {
                opaque = true;
            }
            if (!(s.value() instanceof Expr.Call call) || !(call.func() instanceof Expr.Attribute method)
                    || !MUTATORS.contains(method.name())) {
                eval(s.value(), conditional);
                return;
            }
            List<Value> args = call.args().stream().map(a -> eval(a, conditional)).toList();
            call.keywords().forEach(keyword -> eval(keyword.value(), conditional));
            if (method.value() instanceof Expr.Name name && bindings.containsKey(name.id())) {
                Binding current = bindings.get(name.id());
                bindKeeping(name.id(), mutated(current.value(), method.name(), args), s.at(), current);
            } else if (method.value() instanceof Expr.Subscript item && item.value() instanceof Expr.Name name
                    && bindings.get(name.id()) != null && bindings.get(name.id()).value() instanceof Value.Dict dict
                    && eval(item.index(), conditional) instanceof Value.Str key) {
                // DATABASES["default"].update(dj_database_url.config(...)): the entry becomes the update's result
                Binding current = bindings.get(name.id());
                Value entry = dict.get(key.value());
                Value changed = mutated(entry == null ? new Value.Dict(List.of()) : entry, method.name(), args);
                bindKeeping(name.id(), budget.tooHeavy(dict, changed) ? Value.UNKNOWN : withEntry(dict, key, changed), s.at(), current);
            }
        }

        /** A name or a dotted chain of names: evaluating it twice records nothing twice. */
        private static boolean isNamePath(Expr expr) {
            return expr instanceof Expr.Name || expr instanceof Expr.Attribute a && isNamePath(a.value());
        }

        /** The value after calling a mutating method on it, as far as it can be known. */
        private Value mutated(Value value, String method, List<Value> args) {
            if (value instanceof Value.Seq seq) {
                if (args.size() == 2 && budget.tooHeavy(seq, args.get(1)) || args.size() == 1 && budget.tooHeavy(seq, args.get(0))) {
                    return Value.UNKNOWN;
                }
                switch (method) {
                    case "append" -> {
                        if (args.size() == 1) {
                            Value.Seq result = new Value.Seq(seq.kind(), SharedList.appended(seq.items(), List.of(args.get(0))));
                            return budget.appended(seq, result, 1, budget.weight(args.get(0)));
                        }
                    }
                    case "insert" -> {
                        if (args.size() == 2 && args.get(0) instanceof Value.Num index && index.text().matches("\\d{1,6}")) {
                            List<Value> items = new ArrayList<>(seq.items());
                            items.add(Math.min(Integer.parseInt(index.text()), items.size()), args.get(1));
                            return budget.bounded(new Value.Seq(seq.kind(), items));
                        }
                    }
                    case "extend" -> {
                        return args.size() == 1 ? add(seq, args.get(0)) : Value.UNKNOWN;
                    }
                    case "remove" -> {
                        if (args.size() == 1) {
                            List<Value> items = new ArrayList<>(seq.items());
                            items.remove(args.get(0));
                            return budget.bounded(new Value.Seq(seq.kind(), items));
                        }
                    }
                    default -> {
                        return Value.UNKNOWN;
                    }
                }
                return Value.UNKNOWN;
            }
            if (value instanceof Value.Dict dict && method.equals("update") && args.size() == 1) {
                if (budget.tooHeavy(dict, args.get(0))) {
                    return Value.UNKNOWN;
                }
                if (args.get(0) instanceof Value.Dict more) {
                    Value.Dict result = new Value.Dict(SharedList.appended(dict.entries(), more.entries()));
                    return budget.appended(dict, result, more.entries().size(), budget.weight(more) - 1);
                }
                // an update with a dict deploylint cannot see, such as dj_database_url.config(), which is {} when unset
                return budget.bounded(Value.OneOf.of(dict, args.get(0)));
            }
            return Value.UNKNOWN;
        }

        private Value add(Value left, Value right) {
            return ExpressionEvaluator.concatenation(left, right, budget);
        }

        Value eval(Expr expr, boolean conditional) {
            return new ExpressionEvaluator(this::lookup, module.module().path(),
                    (name, call, args, keywords) -> calls.add(new CallSite(name, call, conditional, args, keywords)),
                    (variable, hasDefault, at) -> {
                        environmentVariables.add(variable);
                        environmentReads.add(new EnvUse(variable, !hasDefault, at, conditional));
                    }, budget).eval(expr);
        }

        private Value lookup(String name) {
            Binding binding = bindings.get(name);
            if (binding != null) {
                return binding.value();
            }
            return opaque ? Value.UNKNOWN : new Value.Ref(name);
        }
    }
}
