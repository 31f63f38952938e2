package dev.deploylint.project;

import dev.deploylint.parse.json.Json;
import dev.deploylint.parse.python.Expr;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.parse.python.Stmt;
import dev.deploylint.parse.python.StringLiteralIndex;
import dev.deploylint.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Django side of an app: its manage.py (the shallowest at most two folders below the root, as
 * the buildpack's collectstatic step finds it), the settings module Heroku will load and its
 * evaluated values (empty when unknown). Modules resolve from the folder of the shallowest
 * manage.py outside test, docs, example and fixture folders (at any depth), then from the app root.
 */
public final class DjangoProject {

    private static final String SETTINGS_VARIABLE = "DJANGO_SETTINGS_MODULE";

    /**
     * A dotted module name, the place that names it and, for people, which source that is
     * ({@code web command DJANGO_SETTINGS_MODULE=, Procfile:1}). {@code assumedFrom} is the
     * development module a default named when deploylint took its production sibling instead.
     */
    public record ModuleReference(String name, Location at, String source, Optional<ModuleReference> assumedFrom) {

        ModuleReference(String name, Location at, String source) {
            this(name, at, source, Optional.empty());
        }
    }

    /** Last components of a settings module meant for a developer's machine or tests, or shared by all (base). */
    private static final Set<String> DEVELOPMENT_MODULES = Set.of("base", "common", "dev", "develop", "development", "local", "test", "testing",
            "tests", "settings_dev", "dev_settings", "settings_local", "local_settings", "settings_development",
            "development_settings", "settings_test", "test_settings");
    /** Production siblings, in the order deploylint tries them. */
    private static final List<String> PRODUCTION_MODULES = List.of("production", "prod", "heroku", "deploy", "live",
            "settings_prod", "settings_production", "production_settings", "prod_settings", "heroku_settings");
    private static final Set<String> IGNORED_FOLDERS = Set.of("test", "tests", "testing", "docs", "examples", "fixtures");

    private final Project project;
    private final Optional<String> managePy;
    private final List<String> moduleRoots;
    private final Optional<ModuleReference> settingsModule;
    private final Optional<String> settingsPath;
    private final Optional<ModuleEvaluator.Evaluation> settings;
    private final java.util.Map<String, List<Expr.Str>> literals = new java.util.HashMap<>();

    private DjangoProject(Project project) {
        this.project = project;
        // bin/steps/collectstatic (v351) runs `find . -maxdepth 3 -name manage.py`: ./manage.py is at
        // find's depth 1, so a/b/manage.py is the deepest it finds.
        this.managePy = project.files().filesNamed("manage.py").stream().findFirst().filter(path -> FileTree.depth(path) <= 2);
        // The shallowest manage.py outside test and docs folders: its folder is on sys.path of the processes that run it.
        String base = project.files().filesNamed("manage.py").stream().filter(path -> !inIgnoredFolder(path)).findFirst()
                .map(p -> p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "").orElse("");
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

    /** The settings module Heroku runs, with where it is named and which source that is (see {@link #findSettingsModule}). */
    public Optional<ModuleReference> settingsModule() {
        return settingsModule;
    }

    /** The file of the settings module, when it exists in the app. */
    public Optional<String> settingsPath() {
        return settingsPath;
    }

    /**
     * Production-named modules ({@code production.py}, {@code prod.py}, {@code heroku.py}, ...) outside
     * test and docs folders that deploylint did not evaluate, when only a code default chose the settings
     * module: production may run one of them through a DJANGO_SETTINGS_MODULE config var.
     */
    public List<String> otherProductionModules() {
        if (settingsModule.isEmpty() || !settingsModule.get().source().startsWith("default in ")) {
            return List.of();
        }
        return PRODUCTION_MODULES.stream().flatMap(name -> project.files().filesNamed(name + ".py").stream())
                .filter(path -> !inIgnoredFolder(path) && !settingsPath.map(path::equals).orElse(false)).sorted().toList();
    }

    /**
     * True when the settings module exists but holds no statement (an empty package
     * {@code __init__.py}, or only comments and a docstring): Django then runs on its defaults alone.
     */
    public boolean settingsEmpty() {
        return settingsPath.flatMap(path -> PythonSources.of(project).module(path)).filter(DjangoProject::isEmpty).isPresent();
    }

    /** The evaluated settings, when the settings module exists. */
    public Optional<ModuleEvaluator.Evaluation> settings() {
        return settings;
    }

    /** The settings' calls of {@code django_heroku.settings()} or {@code django_on_heroku.settings()}, in order. */
    public List<ModuleEvaluator.CallSite> herokuHelperCalls() {
        return settings.map(s -> s.calls().stream().filter(call -> ModuleEvaluator.HEROKU_HELPERS.contains(call.qualifiedName())).toList())
                .orElse(List.of());
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

    /**
     * The string literal of the evaluated settings modules that holds {@code value}, preferring one
     * in the file of {@code near} (the statement that set the setting): where a rule points at one
     * entry of a list, and how it sees that adjacent literals were joined ({@link Expr.Str#parts()}).
     */
    public Optional<Expr.Str> literal(String value, Location near) {
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        List<String> paths = new ArrayList<>(settings.get().modules());
        paths.sort((a, b) -> Boolean.compare(!a.equals(near.path()), !b.equals(near.path())));
        PythonSources sources = PythonSources.of(project);
        for (String path : paths) {
            Optional<Expr.Str> found = literals.computeIfAbsent(path, p -> sources.module(p).map(StringLiteralIndex::of).orElse(List.of()))
                    .stream().filter(literal -> literal.value().equals(value)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The file of dotted module {@code name} in the app: a .py file or a package's __init__.py. */
    public Optional<String> resolveModule(String name) {
        return ModulePaths.resolve(project.files(), moduleRoots, name);
    }

    /** The folders module names resolve from: manage.py's folder first, then the app root. */
    public List<String> moduleRoots() {
        return moduleRoots;
    }

    /**
     * The evaluated settings, or empty when they are unknown: a module with no statements (an
     * empty {@code settings/__init__.py} is never the settings) or class-based settings
     * (django-configurations), whose values deploylint does not model.
     */
    private Optional<ModuleEvaluator.Evaluation> evaluate(String path) {
        PythonSources sources = PythonSources.of(project);
        String name = settingsModule.orElseThrow().name();
        return sources.module(path).filter(module -> !isEmpty(module)).map(module -> ModuleEvaluator.evaluate(
                new ModuleEvaluator.LoadedModule(name, path.endsWith("/__init__.py"), module),
                dotted -> resolveModule(dotted).flatMap(p -> sources.module(p)
                        .map(m -> new ModuleEvaluator.LoadedModule(dotted, p.endsWith("/__init__.py"), m)))))
                .filter(evaluation -> evaluation.imports().stream().noneMatch(i -> i.module().equals("configurations")
                        || i.module().startsWith("configurations.")));
    }

    /** True for a module with nothing but comments, a docstring or {@code pass} (a syntax error is not empty). */
    private static boolean isEmpty(PythonModule module) {
        return module.problems().isEmpty() && module.body().stream().allMatch(stmt ->
                stmt instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Str || stmt instanceof Stmt.Other o && o.text().strip().equals("pass"));
    }

    /**
     * Where Heroku's processes get DJANGO_SETTINGS_MODULE, most binding first: the web command
     * ({@code NAME=value} prefix, gunicorn's {@code --env}, manage.py's {@code --settings}), a
     * config var given with {@code --env}, app.json's {@code env}, heroku.yml's {@code setup.config}
     * and {@code build.config}, a container app's Dockerfile {@code ENV}, then the default the code
     * sets with {@code os.environ.setdefault} in the web process's module, another wsgi.py/asgi.py,
     * and manage.py. Files under test, docs, example and fixture folders are never a source.
     */
    private Optional<ModuleReference> findSettingsModule() {
        return fromWebCommand()
                .or(() -> Optional.ofNullable(project.environment().get(SETTINGS_VARIABLE)).map(name -> new ModuleReference(name,
                        Location.startOf(managePy.orElse(Procfile.PATH)), "--env " + SETTINGS_VARIABLE)))
                .or(this::fromAppJson)
                .or(this::fromHerokuYml)
                .or(this::fromDockerfile)
                .or(this::fromDefaults);
    }

    private Optional<ModuleReference> fromWebCommand() {
        Optional<Procfile.Process> web = Procfile.of(project).flatMap(p -> p.process("web"));
        if (web.isEmpty()) {
            return Optional.empty();
        }
        for (ProcessCommand.Invocation invocation : web.get().parsed().invocations()) {
            ProcessCommand.Word prefix = invocation.env().get(SETTINGS_VARIABLE);
            if (prefix != null) {
                return Optional.of(reference(prefix.text().substring(prefix.text().indexOf('=') + 1),
                        shifted(prefix.at(), SETTINGS_VARIABLE.length() + 1), "web command " + SETTINGS_VARIABLE + "="));
            }
            Optional<ServerCommand> server = ServerCommand.of(invocation);
            if (server.isPresent()) {
                for (ProcessCommand.Word env : server.get().arguments().values("--env", "-e")) {
                    if (env.text().startsWith(SETTINGS_VARIABLE + "=")) {
                        return Optional.of(reference(env.text().substring(SETTINGS_VARIABLE.length() + 1), env.at(),
                                "web command " + server.get().server() + " --env"));
                    }
                }
            }
            if (invocation.managementCommand().isPresent()) {
                List<ProcessCommand.Word> args = invocation.args();
                for (int i = 0; i < args.size(); i++) {
                    String text = args.get(i).text();
                    if (text.startsWith("--settings=")) {
                        return Optional.of(reference(text.substring("--settings=".length()), args.get(i).at(), "web command --settings"));
                    }
                    if (text.equals("--settings") && i + 1 < args.size()) {
                        return Optional.of(reference(args.get(i + 1).text(), args.get(i + 1).at(), "web command --settings"));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<ModuleReference> fromAppJson() {
        return StructuredFiles.validJson(project, "app.json")
                .flatMap(root -> root instanceof Json.JObject o ? o.get("env") : Optional.empty())
                .flatMap(env -> env instanceof Json.JObject o ? o.get(SETTINGS_VARIABLE) : Optional.empty())
                .map(value -> value instanceof Json.JObject o ? o.get("value").orElse(value) : value)
                .filter(value -> value instanceof Json.JString)
                .map(value -> reference(((Json.JString) value).value(), value.at(), "app.json env"));
    }

    private Optional<ModuleReference> fromHerokuYml() {
        return project.text(HerokuYml.PATH).stream().flatMap(file -> HerokuYml.configVars(file).stream())
                .filter(var -> var.name().equals(SETTINGS_VARIABLE)).findFirst()
                .map(var -> reference(var.value(), var.at(), "heroku.yml " + var.section()));
    }

    /** A container app (heroku.yml {@code build.docker} or app.json {@code "stack": "container"}) runs with its image's ENV. */
    private Optional<ModuleReference> fromDockerfile() {
        Optional<HerokuYml> herokuYml = HerokuYml.of(project);
        boolean container = herokuYml.flatMap(HerokuYml::buildDocker).isPresent()
                || StructuredFiles.validJson(project, "app.json")
                        .flatMap(root -> root instanceof Json.JObject o ? o.get("stack") : Optional.empty())
                        .filter(stack -> stack instanceof Json.JString s && s.value().equals("container")).isPresent();
        if (!container) {
            return Optional.empty();
        }
        String dockerfile = herokuYml.stream().flatMap(h -> h.images().stream()).filter(i -> i.process().equals("web"))
                .map(HerokuYml.DockerImage::dockerfile).findFirst().orElse("Dockerfile").replaceAll("^\\./", "");
        return project.text(dockerfile).flatMap(file -> Optional.ofNullable(DockerfileEnv.parse(file).get(SETTINGS_VARIABLE)))
                .filter(var -> !var.value().contains("$"))
                .map(var -> reference(var.value(), var.at(), "Dockerfile ENV"));
    }

    /**
     * The {@code os.environ.setdefault} default of the web process's module, another wsgi.py or
     * asgi.py, then manage.py; a default naming a development module gives way to a production
     * sibling when the app has one.
     */
    private Optional<ModuleReference> fromDefaults() {
        Optional<String> webModule = ServerCommand.web(project).flatMap(server -> server.app()
                .map(app -> app.text().split(":")[0])
                .flatMap(module -> ModulePaths.resolve(project.files(), server.moduleRoots(), module)));
        List<String> candidates = new ArrayList<>();
        webModule.ifPresent(candidates::add);
        candidates.addAll(project.files().filesNamed("wsgi.py"));
        candidates.addAll(project.files().filesNamed("asgi.py"));
        project.files().filesNamed("manage.py").forEach(candidates::add);
        PythonSources sources = PythonSources.of(project);
        for (int i = 0; i < candidates.size(); i++) {
            String candidate = candidates.get(i);
            // the web command's own module counts wherever it is: the Procfile names it
            if (inIgnoredFolder(candidate) && !(i == 0 && webModule.isPresent())) {
                continue;
            }
            Optional<ModuleReference> found = sources.module(candidate).flatMap(DjangoProject::settingsDefault);
            if (found.isPresent()) {
                ModuleReference named = found.get();
                return Optional.of(productionSibling(named).orElse(named));
            }
        }
        return Optional.empty();
    }

    /** The production module beside a development module named only by a default, when the app has one. */
    private Optional<ModuleReference> productionSibling(ModuleReference named) {
        int dot = named.name().lastIndexOf('.');
        String last = named.name().substring(dot + 1);
        if (!DEVELOPMENT_MODULES.contains(last)) {
            return Optional.empty();
        }
        String parentName = dot < 0 ? "" : named.name().substring(0, dot);
        String parent = dot < 0 ? "" : parentName + ".";
        // a bare `dev` pairs with a bare `production` only inside a settings package (config.settings.local);
        // `settings_dev` pairs with `settings_prod` anywhere
        boolean compound = last.contains("settings");
        if (!compound && !parentName.substring(parentName.lastIndexOf('.') + 1).contains("settings")) {
            return Optional.empty();
        }
        return PRODUCTION_MODULES.stream().filter(name -> name.contains("settings") == compound).map(name -> parent + name)
                .filter(name -> resolveModule(name).isPresent()).findFirst()
                .map(name -> new ModuleReference(name, named.at(), "assumed: production sibling of " + named.name() + ", "
                        + named.source(), Optional.of(named)));
    }

    /** True for a file under a folder of tests, docs, examples or fixtures, relative to the app root. */
    static boolean inIgnoredFolder(String path) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (IGNORED_FOLDERS.contains(parts[i])) {
                return true;
            }
        }
        return false;
    }

    private static ModuleReference reference(String name, Location at, String source) {
        return new ModuleReference(name, at, source + ", " + at.path() + ":" + at.line());
    }

    private static Location shifted(Location at, int columns) {
        return new Location(at.path(), at.line(), at.column() + columns);
    }

    /** {@code os.environ.setdefault("DJANGO_SETTINGS_MODULE", "x.settings")} anywhere in a module. */
    static Optional<ModuleReference> settingsDefault(PythonModule module) {
        return find(module.body());
    }

    private static Optional<ModuleReference> find(List<Stmt> body) {
        return Stmt.firstMatch(body, stmt -> {
            if (stmt instanceof Stmt.ExprStmt s && s.value() instanceof Expr.Call call) {
                return setdefault(call);
            }
            if (stmt instanceof Stmt.Assign s && s.targets().size() == 1 && isEnvironItem(s.targets().get(0))
                    && s.value() instanceof Expr.Str value) {
                return Optional.of(defaultAt(value));
            }
            return Optional.empty();
        });
    }

    private static Optional<ModuleReference> setdefault(Expr.Call call) {
        if (call.func() instanceof Expr.Attribute method && method.name().equals("setdefault") && isEnviron(method.value())
                && call.args().size() == 2 && call.args().get(0) instanceof Expr.Str key
                && key.value().equals("DJANGO_SETTINGS_MODULE") && call.args().get(1) instanceof Expr.Str value) {
            return Optional.of(defaultAt(value));
        }
        return Optional.empty();
    }

    private static ModuleReference defaultAt(Expr.Str value) {
        return new ModuleReference(value.value(), value.at(), "default in " + value.at().path() + ":" + value.at().line());
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
