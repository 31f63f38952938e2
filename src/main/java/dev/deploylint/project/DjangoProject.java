package dev.deploylint.project;

import dev.deploylint.parse.json.Json;
import dev.deploylint.parse.python.Expr;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.parse.python.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Django side of an app: its manage.py (the shallowest at most two folders below the root, as
 * the buildpack's collectstatic step finds it), the settings module Heroku will load and its
 * evaluated values. Modules resolve from the folder of the shallowest manage.py (at any depth),
 * then from the app root.
 */
public final class DjangoProject {

    private static final String SETTINGS_VARIABLE = "DJANGO_SETTINGS_MODULE";

    /** A dotted module name and the place that names it. */
    public record ModuleReference(String name, Location at) {
    }

    private final Project project;
    private final Optional<String> managePy;
    /** The shallowest manage.py at any depth: its folder is on sys.path of the processes that run it. */
    private final Optional<String> anyManagePy;
    private final List<String> moduleRoots;
    private final Optional<ModuleReference> settingsModule;
    private final Optional<String> settingsPath;
    private final Optional<ModuleEvaluator.Evaluation> settings;

    private DjangoProject(Project project) {
        this.project = project;
        // bin/steps/collectstatic (v351) runs `find . -maxdepth 3 -name manage.py`: ./manage.py is at
        // find's depth 1, so a/b/manage.py is the deepest it finds.
        this.anyManagePy = project.files().filesNamed("manage.py").stream().findFirst();
        this.managePy = anyManagePy.filter(path -> FileTree.depth(path) <= 2);
        String base = anyManagePy.map(p -> p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "").orElse("");
        this.moduleRoots = base.isEmpty() ? List.of("") : List.of(base, "");
        this.settingsModule = findSettingsModule();
        this.settingsPath = settingsModule.flatMap(ref -> resolveModule(ref.name()));
        this.settings = settingsPath.flatMap(this::evaluate);
    }

    public static DjangoProject of(Project project) {
        return project.view(DjangoProject.class, DjangoProject::new);
    }

    /**
     * True when the app declares Django. A manage.py alone is not enough: the buildpack's own test
     * app pip_basic has one without Django, and Heroku skips collectstatic for it.
     */
    public boolean isDjango() {
        return Dependencies.of(project).declares("django");
    }

    public Optional<String> managePy() {
        return managePy;
    }

    /** The settings module named by the Procfile, manage.py or the wsgi module, with where it is named. */
    public Optional<ModuleReference> settingsModule() {
        return settingsModule;
    }

    /** The file of the settings module, when it exists in the app. */
    public Optional<String> settingsPath() {
        return settingsPath;
    }

    /** The evaluated settings, when the settings module exists. */
    public Optional<ModuleEvaluator.Evaluation> settings() {
        return settings;
    }

    /** The binding of a setting in the evaluated settings module. */
    public Optional<ModuleEvaluator.Binding> setting(String name) {
        return settings.flatMap(s -> s.namespace().get(name));
    }

    /** The binding of a setting that every path through the settings sets (not only some branches). */
    public Optional<ModuleEvaluator.Binding> definiteSetting(String name) {
        return setting(name).filter(binding -> !binding.conditional());
    }

    /**
     * True when the settings were evaluated and {@code name} is certainly not set: no statement
     * sets it and no star import from outside the app could have.
     */
    public boolean definitelyUnset(String name) {
        return settings.isPresent() && !settings.get().namespace().opaque() && setting(name).isEmpty();
    }

    /** The file of dotted module {@code name} in the app: a .py file or a package's __init__.py. */
    public Optional<String> resolveModule(String name) {
        return ModulePaths.resolve(project.files(), moduleRoots, name);
    }

    /** The folders module names resolve from: manage.py's folder first, then the app root. */
    public List<String> moduleRoots() {
        return moduleRoots;
    }

    private Optional<ModuleEvaluator.Evaluation> evaluate(String path) {
        PythonSources sources = PythonSources.of(project);
        String name = settingsModule.orElseThrow().name();
        return sources.module(path).map(module -> ModuleEvaluator.evaluate(
                new ModuleEvaluator.LoadedModule(name, path.endsWith("/__init__.py"), module),
                dotted -> resolveModule(dotted).flatMap(p -> sources.module(p)
                        .map(m -> new ModuleEvaluator.LoadedModule(dotted, p.endsWith("/__init__.py"), m)))));
    }

    /**
     * Where Heroku's processes get DJANGO_SETTINGS_MODULE, most binding first: the web command's
     * {@code NAME=value} prefix, a config var given with {@code --env}, app.json's {@code env},
     * then the default the code sets with {@code os.environ.setdefault} in the web process's
     * module, manage.py, or another wsgi.py/asgi.py.
     */
    private Optional<ModuleReference> findSettingsModule() {
        Optional<ModuleReference> fromProcfile = Procfile.of(project).flatMap(p -> p.process("web"))
                .flatMap(web -> web.parsed().invocations().stream()
                        .map(i -> i.env().get(SETTINGS_VARIABLE)).filter(w -> w != null).findFirst())
                .map(word -> new ModuleReference(word.text().substring(word.text().indexOf('=') + 1),
                        new Location(word.at().path(), word.at().line(), word.at().column() + SETTINGS_VARIABLE.length() + 1)));
        if (fromProcfile.isPresent()) {
            return fromProcfile;
        }
        String configVar = project.environment().get(SETTINGS_VARIABLE);
        if (configVar != null) {
            return Optional.of(new ModuleReference(configVar, Location.startOf(managePy.orElse(Procfile.PATH))));
        }
        Optional<ModuleReference> fromAppJson = StructuredFiles.validJson(project, "app.json")
                .flatMap(root -> root instanceof Json.JObject o ? o.get("env") : Optional.empty())
                .flatMap(env -> env instanceof Json.JObject o ? o.get(SETTINGS_VARIABLE) : Optional.empty())
                .map(value -> value instanceof Json.JObject o ? o.get("value").orElse(value) : value)
                .filter(value -> value instanceof Json.JString)
                .map(value -> new ModuleReference(((Json.JString) value).value(), value.at()));
        if (fromAppJson.isPresent()) {
            return fromAppJson;
        }
        List<String> candidates = new ArrayList<>();
        ServerCommand.web(project).ifPresent(server -> server.app()
                .map(app -> app.text().split(":")[0])
                .flatMap(module -> ModulePaths.resolve(project.files(), server.moduleRoots(), module))
                .ifPresent(candidates::add));
        anyManagePy.ifPresent(candidates::add);
        candidates.addAll(project.files().filesNamed("wsgi.py"));
        candidates.addAll(project.files().filesNamed("asgi.py"));
        PythonSources sources = PythonSources.of(project);
        for (String candidate : candidates) {
            Optional<ModuleReference> found = sources.module(candidate).flatMap(DjangoProject::settingsDefault);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** {@code os.environ.setdefault("DJANGO_SETTINGS_MODULE", "x.settings")} anywhere in a module. */
    static Optional<ModuleReference> settingsDefault(PythonModule module) {
        return find(module.body());
    }

    private static Optional<ModuleReference> find(List<Stmt> body) {
        for (Stmt stmt : body) {
            Optional<ModuleReference> found = Optional.empty();
            if (stmt instanceof Stmt.ExprStmt s && s.value() instanceof Expr.Call call) {
                found = setdefault(call);
            } else if (stmt instanceof Stmt.Assign s && s.targets().size() == 1 && isEnvironItem(s.targets().get(0))
                    && s.value() instanceof Expr.Str value) {
                found = Optional.of(new ModuleReference(value.value(), value.at()));
            } else if (stmt instanceof Stmt.If s) {
                found = find(s.body()).or(() -> find(s.orElse()));
            } else if (stmt instanceof Stmt.FunctionDef s) {
                found = find(s.body());
            } else if (stmt instanceof Stmt.Try s) {
                found = find(s.body());
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<ModuleReference> setdefault(Expr.Call call) {
        if (call.func() instanceof Expr.Attribute method && method.name().equals("setdefault") && isEnviron(method.value())
                && call.args().size() == 2 && call.args().get(0) instanceof Expr.Str key
                && key.value().equals("DJANGO_SETTINGS_MODULE") && call.args().get(1) instanceof Expr.Str value) {
            return Optional.of(new ModuleReference(value.value(), value.at()));
        }
        return Optional.empty();
    }

    private static boolean isEnviron(Expr expr) {
        return expr instanceof Expr.Attribute a && a.name().equals("environ") && a.value() instanceof Expr.Name n && n.id().equals("os")
                || expr instanceof Expr.Name n2 && n2.id().equals("environ");
    }

    private static boolean isEnvironItem(Expr target) {
        return target instanceof Expr.Subscript s && isEnviron(s.value())
                && s.index() instanceof Expr.Str key && key.value().equals("DJANGO_SETTINGS_MODULE");
    }
}
