package dev.deploylint.config;

import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.Severity;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code .deploylint.yml}. Every key and rule it names is checked: an unknown key, rule,
 * severity or value is an error naming the file, line and column, never silently ignored.
 */
public final class ConfigFile {

    public static final String NAME = ".deploylint.yml";

    private static final Set<String> KEYS = Set.of("select", "ignore", "severity", "ignore-paths", "stack", "fail-on", "env",
            "exclude", "per-app");
    /** The keys a {@code per-app} entry may set: what applies to one app, not to discovery. */
    private static final Set<String> PER_APP_KEYS = Set.of("select", "ignore", "severity", "ignore-paths", "stack", "fail-on", "env");
    private static final Set<String> FAIL_ON = Set.of("error", "warning", "note", "never");

    private final Path file;
    private final RuleCatalog catalog;

    private ConfigFile(Path file, RuleCatalog catalog) {
        this.file = file;
        this.catalog = catalog;
    }

    /** The config file for an app: at its root, else the nearest one up to the enclosing git repository's root. */
    public static Optional<Path> find(Path app) {
        Optional<Path> top = dev.deploylint.project.GitRoot.above(app);
        for (Path dir = app.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(NAME);
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                checkReadable(candidate, top.orElse(dir));
                return Optional.of(candidate);
            }
            if (top.isPresent() && dir.equals(top.get())) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * A {@code .deploylint.yml} that exists but cannot be the configuration is a usage error, never
     * skipped: the user meant it to apply, and a silent default would lint with other rules. A link
     * is followed only to a file inside {@code boundary} (the repository, or the file's own folder
     * outside one), so a pull request cannot make deploylint read, and echo in an error, a file of
     * the machine that runs it.
     */
    private static void checkReadable(Path file, Path boundary) {
        try {
            if (Files.isSymbolicLink(file)) {
                if (!Files.exists(file)) {
                    throw new ConfigException(file + " is a symbolic link to " + Files.readSymbolicLink(file)
                            + ", which does not exist; point it at the configuration file or remove it");
                }
                if (!file.toRealPath().startsWith(boundary.toRealPath())) {
                    throw new ConfigException(file + " is a symbolic link to a file outside " + boundary
                            + ", so it was not read; copy the configuration into the repository");
                }
            }
            if (Files.isDirectory(file)) {
                throw new ConfigException(file + " is a folder, not a configuration file; remove or rename it");
            }
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(file + " is a FIFO, socket or device file, not a configuration file, so it was not read;"
                        + " replace it with a regular file");
            }
        } catch (IOException | SecurityException e) {
            throw new ConfigException(file + " cannot be read (" + e.getClass().getSimpleName().replace("Exception", "") + ")");
        }
    }

    /**
     * The configuration of an app: defaults with {@code defaultStack}, then {@code explicit} (or
     * the file {@link #find} finds), then the command-line {@code stack} and {@code failOn} when given.
     */
    public static Config resolve(Path app, Path explicit, String defaultStack, String stack, String failOn, RuleCatalog catalog) {
        Config config = Config.defaults(defaultStack);
        Optional<Path> file = explicit != null ? Optional.of(explicit) : find(app);
        if (file.isPresent()) {
            config = load(file.get(), config, catalog, Optional.of(app));
        }
        if (stack != null) {
            config = config.withStack(stack, "--stack");
        }
        return failOn == null ? config : config.withFailOn(failOn.toLowerCase(Locale.ROOT), "--fail-on");
    }

    /** Layers the file over {@code base}; throws {@link ConfigException} when it is invalid. */
    public static Config load(Path file, Config base, RuleCatalog catalog) {
        return load(file, base, catalog, Optional.empty());
    }

    /**
     * Layers the file over {@code base}, then the file's {@code per-app} entry for {@code app}
     * (keyed by the app's folder relative to the file's folder), when there is one.
     */
    public static Config load(Path file, Config base, RuleCatalog catalog, Optional<Path> app) {
        Node root = compose(file);
        if (root == null) {
            return base;
        }
        ConfigFile reader = new ConfigFile(file, catalog);
        Config config = reader.read(root, base, true);
        Optional<Node> perApp = app.flatMap(dir -> reader.perApp(root, dir));
        return perApp.isPresent() ? reader.read(perApp.get(), config, false) : config;
    }

    /**
     * The {@code exclude:} globs of the configuration that applies at {@code root} (relative to the
     * file's folder): apps in matching folders are not linted. Empty without a file or the key.
     */
    public static Excludes excludes(Path root, Path explicit, RuleCatalog catalog) {
        Optional<Path> file = explicit != null ? Optional.of(explicit) : find(root);
        if (file.isEmpty()) {
            return new Excludes(root, List.of());
        }
        Node node = compose(file.get());
        Path base = file.get().toAbsolutePath().normalize().getParent();
        if (!(node instanceof MappingNode mapping)) {
            return new Excludes(base, List.of());
        }
        ConfigFile reader = new ConfigFile(file.get(), catalog);
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("exclude")) {
                return new Excludes(base, reader.globs(tuple.getValueNode()));
            }
        }
        return new Excludes(base, List.of());
    }

    /** Folder globs relative to {@code base}; {@link #excluded} tells whether an app folder matches one. */
    public record Excludes(Path base, List<String> globs) {
        public boolean excluded(Path app) {
            Path folder = app.toAbsolutePath().normalize();
            if (!folder.startsWith(base)) {
                return false;
            }
            String relative = base.relativize(folder).toString().replace(java.io.File.separatorChar, '/');
            return globs.stream().anyMatch(glob -> dev.deploylint.project.Glob.matches(glob.replaceAll("/+$", ""), relative));
        }
    }

    /** Checked before reading: a configuration file is a few lines, and a huge one would exhaust the heap. */
    static final long MAX_CONFIG_BYTES = 1L << 20;

    private static Node compose(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_CONFIG_BYTES) {
                text = null;
            } else {
                text = decode(file, Files.readAllBytes(file));
            }
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ConfigException(file + " cannot be read (permission denied)");
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (text == null) {
            throw new ConfigException(file + " is larger than 1 MiB, too large for a configuration file");
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ConfigException(file + ":" + position(e.getProblemMark()) + ": invalid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new ConfigException(file + ": invalid YAML: " + e.getMessage());
        }
        return root;
    }

    /** UTF-8, as YAML 1.2 files are by default; a UTF-16 file or invalid UTF-8 is named as such, not as a decoder's "Input length = 1". */
    private static String decode(Path file, byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            throw new ConfigException(file + " is encoded as UTF-16; save it as UTF-8");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(file + " is not valid UTF-8; save it as UTF-8");
        }
    }

    /** The {@code per-app} entry whose key names {@code app}'s folder relative to this file's folder. */
    private Optional<Node> perApp(Node root, Path app) {
        if (!(root instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        Path base = file.toAbsolutePath().normalize().getParent();
        String relative = base.relativize(app.toAbsolutePath().normalize()).toString().replace(java.io.File.separatorChar, '/');
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("per-app")) {
                for (NodeTuple entry : mapping(tuple.getValueNode(), "a mapping of app folders to settings").getValue()) {
                    String folder = scalar(entry.getKeyNode(), "an app folder").replaceAll("^\\./", "").replaceAll("/+$", "");
                    if ((folder.isEmpty() || folder.equals(".") ? "" : folder).equals(relative)) {
                        return Optional.of(entry.getValueNode());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Config read(Node root, Config base, boolean topLevel) {
        MappingNode mapping = mapping(root, topLevel ? "the configuration" : "the settings of one app");
        List<String> select = base.select();
        List<String> ignore = base.ignore();
        Map<String, Severity> severity = base.severity();
        List<Config.PathIgnore> ignorePaths = base.ignorePaths();
        String stack = base.stack();
        String failOn = base.failOn();
        Map<String, String> env = base.env();
        Map<String, String> origins = new LinkedHashMap<>(base.origins());
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            Node value = tuple.getValueNode();
            origins.put(key, file + ":" + position(tuple.getKeyNode().getStartMark()));
            if (!topLevel && !PER_APP_KEYS.contains(key)) {
                throw error(tuple.getKeyNode(), "'" + key + "' cannot be set for one app (known: "
                        + String.join(", ", PER_APP_KEYS.stream().sorted().toList()) + ")");
            }
            switch (key) {
                case "select" -> select = rules(value);
                case "ignore" -> ignore = rules(value);
                case "severity" -> severity = severities(value);
                case "ignore-paths" -> ignorePaths = paths(value);
                case "stack" -> stack = scalar(value, "a stack name");
                case "env" -> env = env(value);
                case "exclude" -> globs(value);
                case "per-app" -> {
                    for (NodeTuple entry : mapping(value, "a mapping of app folders to settings").getValue()) {
                        String folder = scalar(entry.getKeyNode(), "an app folder");
                        dev.deploylint.project.Glob.problem(folder.replaceAll("^/", "x")).ifPresent(problem -> {
                            throw error(entry.getKeyNode(), "app folder '" + folder + "': " + problem);
                        });
                        read(entry.getValueNode(), Config.defaults(base.stack()), false); // validates it
                    }
                }
                case "fail-on" -> {
                    failOn = scalar(value, "a severity").toLowerCase(Locale.ROOT);
                    if (!FAIL_ON.contains(failOn)) {
                        throw error(value, "fail-on must be error, warning, note or never, not '" + failOn + "'");
                    }
                }
                default -> throw error(tuple.getKeyNode(), "unknown key '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        return new Config(select, ignore, severity, ignorePaths, stack, failOn, env, origins);
    }

    /** Path globs, each checked for a form that can match an app-relative path. */
    private List<String> globs(Node node) {
        List<String> globs = new ArrayList<>();
        for (Node item : sequence(node, "a list of folder patterns").getValue()) {
            String glob = scalar(item, "a folder pattern");
            dev.deploylint.project.Glob.problem(glob).ifPresent(problem -> {
                throw error(item, "pattern '" + glob + "': " + problem);
            });
            globs.add(glob);
        }
        return List.copyOf(globs);
    }

    /** {@code env:}: config vars the Heroku app has, as a mapping of names to string values. */
    private Map<String, String> env(Node node) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping(node, "env").getValue()) {
            String name = scalar(tuple.getKeyNode(), "a config var name");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw error(tuple.getKeyNode(), "'" + name + "' is not a config var name (letters, digits and _)");
            }
            vars.put(name, scalar(tuple.getValueNode(), "the value of " + name + " (quote it as a string)"));
        }
        return Map.copyOf(vars);
    }

    private List<String> rules(Node node) {
        List<String> rules = new ArrayList<>();
        for (Node item : sequence(node, "a list of rules").getValue()) {
            String selector = scalar(item, "a rule id, name, id prefix or category");
            if (!Selector.known(selector, catalog)) {
                throw error(item, "unknown rule '" + selector + "'; use an id (PF004), a name (web-process-missing), a prefix (PF) or a category (procfile)");
            }
            rules.add(selector);
        }
        return List.copyOf(rules);
    }

    private Map<String, Severity> severities(Node node) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping(node, "a mapping of rule to severity").getValue()) {
            String selector = scalar(tuple.getKeyNode(), "a rule");
            if (!Selector.known(selector, catalog)) {
                throw error(tuple.getKeyNode(), "unknown rule '" + selector + "'");
            }
            String level = scalar(tuple.getValueNode(), "a severity").toLowerCase(Locale.ROOT);
            if (!Set.of("error", "warning", "note").contains(level)) {
                throw error(tuple.getValueNode(), "severity must be error, warning or note, not '" + level + "'");
            }
            severities.put(selector, Severity.parse(level));
        }
        return severities;
    }

    private List<Config.PathIgnore> paths(Node node) {
        List<Config.PathIgnore> paths = new ArrayList<>();
        for (Node item : sequence(node, "a list of {path, rules}").getValue()) {
            String glob = null;
            List<String> rules = List.of();
            for (NodeTuple tuple : mapping(item, "{path: GLOB, rules: [...]}").getValue()) {
                String key = scalar(tuple.getKeyNode(), "a key");
                switch (key) {
                    case "path" -> {
                        glob = scalar(tuple.getValueNode(), "a path pattern");
                        String pattern = glob;
                        dev.deploylint.project.Glob.problem(pattern).ifPresent(problem -> {
                            throw error(tuple.getValueNode(), "path '" + pattern + "': " + problem);
                        });
                    }
                    case "rules" -> rules = rules(tuple.getValueNode());
                    default -> throw error(tuple.getKeyNode(), "unknown key '" + key + "' in ignore-paths (known: path, rules)");
                }
            }
            if (glob == null) {
                throw error(item, "an ignore-paths entry needs a path");
            }
            paths.add(new Config.PathIgnore(glob, rules));
        }
        return List.copyOf(paths);
    }

    /** A mapping whose keys are all different: YAML forbids duplicates, and the last silently winning hides mistakes. */
    private MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            Set<String> seen = new java.util.HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && !seen.add(key.getValue())) {
                    throw error(key, "duplicate key '" + key.getValue() + "'");
                }
            }
            return mapping;
        }
        throw error(node, "expected " + what);
    }

    private SequenceNode sequence(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence;
        }
        throw error(node, "expected " + what);
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw error(node, "expected " + what);
    }

    private ConfigException error(Node node, String message) {
        return new ConfigException(file + ":" + position(node.getStartMark()) + ": " + message);
    }

    private static String position(Mark mark) {
        return mark == null ? "1:1" : (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }
}
