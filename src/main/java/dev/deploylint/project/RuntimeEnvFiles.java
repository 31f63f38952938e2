package dev.deploylint.project;

import dev.deploylint.source.Location;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code .env} files the production settings load into the environment when they are imported:
 * python-dotenv's {@code load_dotenv()}, django-environ's {@code Env.read_env()}, environs'
 * {@code Env().read_env()}, django-dotenv's {@code read_dotenv()} and python-decouple's
 * {@code config}, each found where the library looks for it. Only loads that run on every import
 * (not inside an {@code if} or {@code try}) and files that exist in the app count. Every library
 * keeps a variable that is already set, so a config var overrides the file. Loads from wsgi.py or
 * manage.py and decouple's {@code settings.ini} values are not read.
 */
public final class RuntimeEnvFiles {

    /** A file read at runtime: where it is, its variables as the reading library parses them, and the call that reads it. */
    public record Read(DotEnvFile file, Location loader, String loaderName) {
    }

    private static final String DOTENV = ".env";
    private static final String DOCKERIGNORE = ".dockerignore";
    /** decouple's AutoConfig.SUPPORTED (decouple.py 3.x): per folder, settings.ini wins over .env. */
    private static final List<String> DECOUPLE_FILES = List.of("settings.ini", DOTENV);

    private final List<Read> reads;
    private final List<Read> committed;

    private RuntimeEnvFiles(Project project) {
        Map<String, Read> found = new LinkedHashMap<>();
        for (ModuleEvaluator.CallSite call : DjangoProject.of(project).settings().map(ModuleEvaluator.Evaluation::calls).orElse(List.of())) {
            if (call.conditional()) {
                continue;
            }
            loaded(project, call).ifPresent(read -> found.putIfAbsent(read.file().path(), read));
        }
        this.reads = List.copyOf(found.values());
        boolean template = ProjectTemplate.of(project).isTemplate();
        this.committed = template ? List.of() : reads.stream().filter(read -> !IgnoreFile.ignoredByGit(project, read.file().path())
                && !leftOutOfTheDeploy(project, read.file().path())).toList();
    }

    /**
     * True when the deploy leaves the file out although git has it: a buildpack app's .slugignore,
     * or a container app's .dockerignore (read with gitignore's wider matching, so a pattern that
     * may exclude the file counts as excluding it).
     */
    private static boolean leftOutOfTheDeploy(Project project, String path) {
        if (DeployStyle.of(project).isContainer()) {
            Optional<IgnoreFile> dockerignore = IgnoreFile.of(project, DOCKERIGNORE);
            String[] parts = path.split("/");
            for (int i = 1; i <= parts.length && dockerignore.isPresent(); i++) {
                if (dockerignore.get().verdict(String.join("/", java.util.Arrays.copyOf(parts, i)), i < parts.length).orElse(false)) {
                    return true;
                }
            }
            return false;
        }
        return IgnoreFile.of(project, IgnoreFile.SLUGIGNORE).flatMap(s -> s.firstRemoving(path)).isPresent();
    }

    public static RuntimeEnvFiles of(Project project) {
        return project.view(RuntimeEnvFiles.class, RuntimeEnvFiles::new);
    }

    /** Every file the settings load, committed or not, in the order the loads run. */
    public List<Read> reads() {
        return reads;
    }

    /**
     * The loaded files that reach the deployed app: not ignored by the app's .gitignore files (so
     * committed), not removed by .slugignore, and not part of a project template, whose files are
     * rendered into another repository first.
     */
    public List<Read> committed() {
        return committed;
    }

    /** The binding of {@code key} in the first committed file that sets it. */
    public Optional<Map.Entry<Read, DotEnvFile.Entry>> committedValue(String key) {
        for (Read read : committed) {
            Optional<DotEnvFile.Entry> entry = read.file().get(key);
            if (entry.isPresent()) {
                return Optional.of(Map.entry(read, entry.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Read> loaded(Project project, ModuleEvaluator.CallSite call) {
        String caller = folderOf(call.call().at().path());
        String name = call.qualifiedName();
        Optional<String> path = switch (name) {
            case "dotenv.load_dotenv", "dotenv.main.load_dotenv" -> call.keywords().containsKey("stream") ? Optional.empty()
                    : dotenvPath(project, call.argument(0, "dotenv_path"), caller);
            case "dotenv.read_dotenv" -> fixedOrBeside(project, call.argument(0, "dotenv"), caller);
            case "environ.Env.read_env", "environ.Env().read_env" -> fixedOrBeside(project, call.argument(0, "env_file"), caller);
            case "environs.Env().read_env" -> environsPath(project, call, caller);
            case "decouple.config" -> firstUpwards(project, caller, DECOUPLE_FILES).filter(p -> p.endsWith(DOTENV));
            default -> Optional.empty();
        };
        DotEnvFile.Dialect dialect = switch (name) {
            case "dotenv.read_dotenv", "environ.Env.read_env", "environ.Env().read_env" -> DotEnvFile.Dialect.DJANGO_ENVIRON;
            case "decouple.config" -> DotEnvFile.Dialect.DECOUPLE;
            default -> DotEnvFile.Dialect.PYTHON_DOTENV;
        };
        String shown = name.substring(name.lastIndexOf('.') + 1) + "()";
        return path.flatMap(project::text).map(file -> new Read(DotEnvFile.parse(file, dialect), call.call().at(), shown));
    }

    /** python-dotenv: no path, or {@code find_dotenv()}, searches from the caller's folder up to the app root. */
    private static Optional<String> dotenvPath(Project project, Value path, String caller) {
        if (path == null || path instanceof Value.CallResult result && result.call().args().isEmpty() && result.call().keywords().isEmpty()
                && (result.qualifiedName().equals("dotenv.find_dotenv") || result.qualifiedName().equals("dotenv.main.find_dotenv"))) {
            return firstUpwards(project, caller, List.of(DOTENV));
        }
        return inApp(path);
    }

    /** django-environ and django-dotenv: no path means the .env beside the calling module. */
    private static Optional<String> fixedOrBeside(Project project, Value path, String caller) {
        return path == null ? Optional.of(join(caller, DOTENV)) : inApp(path);
    }

    /** environs 9-14: from the caller's folder (or the given file's), up to the root unless {@code recurse=False}. */
    private static Optional<String> environsPath(Project project, ModuleEvaluator.CallSite call, String caller) {
        Value path = call.argument(0, "path");
        Value recurse = call.keywords().get("recurse");
        if (recurse != null && !(recurse instanceof Value.Bool)) {
            return Optional.empty();
        }
        Optional<String> start = path == null ? Optional.of(join(caller, DOTENV)) : inApp(path);
        if (start.isEmpty() || recurse instanceof Value.Bool b && !b.value()) {
            return start;
        }
        String file = start.get();
        return firstUpwards(project, folderOf(file), List.of(file.substring(file.lastIndexOf('/') + 1)));
    }

    /** A path value inside the app; a relative string is relative to the dyno's working folder, the app root. */
    private static Optional<String> inApp(Value path) {
        if (path instanceof Value.PathValue p) {
            return Optional.of(p.path());
        }
        if (path instanceof Value.Str s && !s.value().isEmpty() && !s.value().startsWith("/") && !s.value().contains("..")) {
            String normal = s.value().startsWith("./") ? s.value().substring(2) : s.value();
            return Optional.of(normal);
        }
        return Optional.empty();
    }

    /** The first of {@code names} in {@code folder} or the nearest folder above it, up to the app root. */
    private static Optional<String> firstUpwards(Project project, String folder, List<String> names) {
        String dir = folder;
        while (true) {
            for (String name : names) {
                String candidate = join(dir, name);
                if (project.files().isFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
            if (dir.isEmpty()) {
                return Optional.empty();
            }
            dir = folderOf(dir);
        }
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** The variables of every committed file, for rules that ask what the repository declares. */
    public List<String> committedKeys() {
        List<String> keys = new ArrayList<>();
        committed.forEach(read -> read.file().entries().forEach(entry -> keys.add(entry.key())));
        return keys;
    }
}
