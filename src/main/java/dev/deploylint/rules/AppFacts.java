package dev.deploylint.rules;

import dev.deploylint.lint.Evidence;
import dev.deploylint.parse.json.Json;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.Dependency;
import dev.deploylint.project.DeployStyle;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Dockerfile;
import dev.deploylint.project.FileTree;
import dev.deploylint.project.PackageManagers;
import dev.deploylint.project.Project;
import dev.deploylint.project.Requirements;
import dev.deploylint.project.RuntimeEnvFiles;
import dev.deploylint.project.StructuredFiles;
import dev.deploylint.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Facts about an app that several rules share, derived from the project model. */
public final class AppFacts {

    /**
     * Root names that make the Heroku Python buildpack detect a Python app (bin/detect, v351):
     * files or folders, including misspellings it accepts so that the build can explain them.
     */
    public static final List<String> PYTHON_DETECT = List.of(
            ".python-version", "__init__.py", "app.py", "main.py", "manage.py", "server.py",
            "pdm.lock", "Pipfile", "Pipfile.lock", "poetry.lock", "pyproject.toml", "uv.lock",
            "requirements.txt", "runtime.txt", "setup.cfg", "setup.py",
            "requeriments.txt", "requirement.txt", "requirements", "requirements.text", "Requirements.txt",
            "requirements.txt.txt", "requirments.txt", "__pycache__", ".venv", "venv");

    /** Python web servers and the package that provides each command. */
    public static final List<String> WEB_SERVERS = List.of("gunicorn", "uvicorn", "daphne", "waitress", "hypercorn", "granian");

    private AppFacts() {
    }

    /**
     * The config vars the repository or the user provides: {@code --env}, app.json's {@code env}
     * (a value or a generator), and the variables of a committed .env file the settings load at
     * runtime (see {@link RuntimeEnvFiles}), and the {@code ENV} of a container app's final image stage.
     */
    public static java.util.Set<String> declaredConfigVars(Project project) {
        java.util.Set<String> declared = new java.util.HashSet<>(project.environment().keySet());
        StructuredFiles.validJson(project, "app.json")
                .flatMap(root -> root instanceof Json.JObject o ? o.get("env") : Optional.empty())
                .filter(env -> env instanceof Json.JObject)
                .ifPresent(env -> declared.addAll(((Json.JObject) env).members().keySet()));
        declared.addAll(RuntimeEnvFiles.of(project).committedKeys());
        DeployStyle.dockerfile(project).flatMap(Dockerfile::finalStage)
                .ifPresent(stage -> stage.env().forEach(env -> declared.add(env.name())));
        return declared;
    }

    /** True when the Python buildpack would detect this app. */
    public static boolean isPythonApp(Project project) {
        return PYTHON_DETECT.stream().anyMatch(project.files()::exists);
    }

    /** True for a Python app that serves HTTP: Django, a WSGI module, or a web server dependency. */
    public static boolean isPythonWebApp(Project project) {
        if (!isPythonApp(project)) {
            return false;
        }
        Dependencies dependencies = Dependencies.of(project);
        return DjangoProject.of(project).isDjango()
                || WEB_SERVERS.stream().anyMatch(dependencies::declares)
                || !project.files().filesNamed("wsgi.py").isEmpty();
    }

    /** The place that shows the app is a web app, for findings about a missing file. */
    public static Location webAppAnchor(Project project) {
        Dependencies dependencies = Dependencies.of(project);
        for (String server : WEB_SERVERS) {
            Optional<Dependency> found = dependencies.find(server);
            if (found.isPresent()) {
                return found.get().at();
            }
        }
        Optional<String> managePy = DjangoProject.of(project).managePy();
        if (managePy.isPresent()) {
            return Location.startOf(managePy.get());
        }
        List<String> wsgi = project.files().filesNamed("wsgi.py");
        if (!wsgi.isEmpty()) {
            return Location.startOf(wsgi.get(0));
        }
        return Location.startOf(pythonAnchorPath(project));
    }

    /** The first package-manager or Python file at the root, to anchor app-wide findings. */
    public static String pythonAnchorPath(Project project) {
        List<String> managers = PackageManagers.of(project).managerFiles();
        if (!managers.isEmpty()) {
            return managers.get(0);
        }
        return Stream.concat(Stream.of("manage.py", "app.py", "main.py", "server.py"), PYTHON_DETECT.stream())
                .filter(project.files()::isFile).findFirst().orElse(".");
    }

    /** The dotted WSGI module to suggest in a Procfile: from WSGI_APPLICATION, else the shallowest wsgi.py. */
    public static String suggestedWsgiModule(Project project) {
        DjangoProject django = DjangoProject.of(project);
        Optional<String> fromSettings = django.setting("WSGI_APPLICATION")
                .map(ModuleEvaluator.Binding::value)
                .filter(v -> v instanceof Value.Str)
                .map(v -> ((Value.Str) v).value())
                .filter(s -> s.contains("."))
                .map(s -> s.substring(0, s.lastIndexOf('.')));
        if (fromSettings.isPresent()) {
            return fromSettings.get();
        }
        return project.files().filesNamed("wsgi.py").stream().findFirst()
                .map(path -> path.substring(0, path.length() - 3).replace('/', '.'))
                .orElse("myproject.wsgi");
    }

    /**
     * Where a setting set in another module takes effect: the import in the settings module
     * Heroku loads ({@code from .base import *}); none when it is set there directly.
     */
    public static Evidence[] tookEffect(ModuleEvaluator.Binding binding) {
        return binding.via() == null ? new Evidence[0]
                : new Evidence[] {new Evidence(binding.via(), "takes effect through this import")};
    }

    /** The import through which {@code binding} took effect, then the versions the verdict depends on. */
    public static Evidence[] evidence(ModuleEvaluator.Binding binding, ResolvedVersion... versions) {
        List<Evidence> all = new ArrayList<>(List.of(tookEffect(binding)));
        for (ResolvedVersion version : versions) {
            all.add(version.evidence());
        }
        return all.toArray(Evidence[]::new);
    }


    /** Evidence naming how {@code dependency} is declared, for version-dependent findings. */
    public static Evidence because(Dependency dependency) {
        return new Evidence(dependency.at(), "because " + dependency.describe());
    }

    /**
     * True when Heroku's build runs collectstatic: a manage.py at most two folders below the root,
     * and no switch turns the step off (see {@link #collectstaticDisabledAt}).
     */
    public static boolean collectstaticRuns(Project project) {
        return DjangoProject.of(project).managePy().isPresent() && collectstaticDisabledAt(project).isEmpty();
    }

    /**
     * Where the app turns the build's collectstatic off: the {@code .heroku/collectstatic_disabled}
     * file, or {@code DISABLE_COLLECTSTATIC} set to anything but "0" or empty in app.json's env or
     * with {@code --env} (bin/steps/collectstatic, v351); a config var given with --env has no place
     * in the app, so manage.py, which runs collectstatic, stands for it.
     */
    public static Optional<Location> collectstaticDisabledAt(Project project) {
        if (project.files().exists(".heroku/collectstatic_disabled")) {
            return Optional.of(Location.startOf(".heroku/collectstatic_disabled"));
        }
        String flag = project.environment().get("DISABLE_COLLECTSTATIC");
        if (flag != null) {
            return flag.isEmpty() || flag.equals("0") ? Optional.empty()
                    : Optional.of(Location.startOf(DjangoProject.of(project).managePy().orElse(pythonAnchorPath(project))));
        }
        Optional<Json> disable = StructuredFiles.validJson(project, "app.json")
                .flatMap(root -> root instanceof Json.JObject o ? o.get("env") : Optional.empty())
                .flatMap(env -> env instanceof Json.JObject o ? o.get("DISABLE_COLLECTSTATIC") : Optional.empty());
        if (disable.isEmpty()) {
            return Optional.empty();
        }
        Json value = disable.get() instanceof Json.JObject o ? o.get("value").orElse(null) : disable.get();
        String text = value instanceof Json.JString s ? s.value() : value instanceof Json.JNumber n ? n.text() : "";
        return text.isEmpty() || text.equals("0") ? Optional.empty() : Optional.of(disable.get().at());
    }

    /** True when the evaluated settings certainly list {@code app} in INSTALLED_APPS. */
    public static boolean installedApp(Project project, String app) {
        return DjangoProject.of(project).setting("INSTALLED_APPS")
                .map(binding -> containsString(binding.value(), app))
                .orElse(false);
    }

    /** True when {@code value} is a list, tuple or set holding the string {@code text}. */
    public static boolean containsString(Value value, String text) {
        return value instanceof Value.Seq seq && seq.items().stream().anyMatch(v -> v instanceof Value.Str s && s.value().equals(text));
    }

    /** True when {@code path} is a folder of the app holding at least one file (git keeps no empty folders). */
    public static boolean isNonEmptyDirectory(Project project, String path) {
        FileTree files = project.files();
        if (path.isEmpty()) {
            return true;
        }
        if (!files.isDirectory(path)) {
            return false;
        }
        return files.hasFilesUnder(path);
    }

    /**
     * True when the declared dependencies are the whole list the build installs by name: every
     * package-manager file reads, and requirements.txt has no unnamed installs or missing includes.
     */
    public static boolean dependenciesFullyKnown(Project project) {
        PackageManagers managers = PackageManagers.of(project);
        if (managers.managerFiles().isEmpty()) {
            return false;
        }
        for (String file : managers.managerFiles()) {
            if (file.equals(Requirements.PATH)) {
                if (project.text(file).isEmpty() || Requirements.of(project).map(r -> r.unnamedInstalls() || !r.missingIncludes().isEmpty()).orElse(true)) {
                    return false;
                }
            } else if (file.endsWith(".lock") && !file.equals("Pipfile.lock")) {
                if (StructuredFiles.validToml(project, file).isEmpty()) {
                    return false;
                }
            } else if (StructuredFiles.validJson(project, file).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
