package dev.deploylint.project;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * The app's {@code heroku.yml} build manifest, composed by SnakeYAML without constructing objects:
 * its top-level keys, the {@code build.docker} section, the Dockerfile each process is built
 * from, the {@code run} commands and the {@code release} command, every one with its location. A file that does not parse has a {@link Problem} and no keys.
 */
public record HerokuYml(Optional<Problem> problem, List<Key> keys, Optional<Location> buildDocker, List<DockerImage> images,
                        List<RunCommand> run, Optional<RunCommand> release) {

    public static final String PATH = "heroku.yml";

    /** A key as written and where it starts. */
    public record Key(String name, Location at) {
    }

    /** The Dockerfile path given for one process under {@code build.docker}, as written. */
    public record DockerImage(String process, String dockerfile, Location at) {
    }

    /**
     * A process's command under {@code run} (or the {@code release} command, as process
     * {@code release}): a string, or the words of a {@code command:} list joined by spaces, with
     * the location of the value. {@code pieces} map the command's characters back to the file.
     */
    public record RunCommand(String process, String command, Location at, List<Piece> pieces) {

        public RunCommand(String process, String command, Location at) {
            this(process, command, at, List.of(new Piece(0, at, false)));
        }

        public RunCommand {
            pieces = List.copyOf(pieces);
        }

        /**
         * Where the command's character at {@code offset} is written: exact inside a plain or
         * quoted scalar on one line that holds the characters as they are, otherwise the start of
         * the scalar that holds it.
         */
        public Location locate(int offset) {
            Piece piece = pieces.get(0);
            for (Piece p : pieces) {
                if (p.offset() <= offset) {
                    piece = p;
                }
            }
            if (!piece.exact() || offset < piece.offset()) {
                return piece.at();
            }
            int end = Math.min(offset, command.length());
            return new Location(piece.at().path(), piece.at().line(), piece.at().column() + command.codePointCount(piece.offset(), end));
        }
    }

    /**
     * One scalar of a command: it starts at {@code offset} in the joined command, its first
     * character is at {@code at}, and {@code exact} when its characters stand one to one on that line.
     */
    public record Piece(int offset, Location at, boolean exact) {
    }

    /** Why the file does not parse, at the position the parser stopped. */
    public record Problem(Location location, String message) {
    }

    public static Optional<HerokuYml> of(Project project) {
        return project.view(HerokuYml.class, p -> p.text(PATH).map(HerokuYml::parse));
    }

    public boolean isValid() {
        return problem.isEmpty();
    }

    public Optional<Key> key(String name) {
        return keys.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    public static HerokuYml parse(SourceFile file) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(4 * 1024 * 1024);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(file.text()));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Location at = mark == null ? file.start() : locate(file, mark);
            return invalid(at, e.getProblem() == null ? "invalid YAML" : e.getProblem());
        } catch (RuntimeException e) {
            return invalid(file.start(), e.getMessage() == null ? "invalid YAML" : firstLine(e.getMessage()));
        }
        List<Key> keys = new ArrayList<>();
        Location buildDocker = null;
        List<DockerImage> images = new ArrayList<>();
        List<RunCommand> run = new ArrayList<>();
        Optional<RunCommand> release = Optional.empty();
        if (root instanceof MappingNode mapping) {
            entry(mapping, "run").filter(t -> t.getValueNode() instanceof MappingNode)
                    .ifPresent(t -> ((MappingNode) t.getValueNode()).getValue().forEach(process -> runCommand(file, process).ifPresent(run::add)));
            release = entry(mapping, "release").flatMap(t -> command(file, "release", t.getValueNode()));
            for (NodeTuple tuple : mapping.getValue()) {
                scalar(tuple.getKeyNode()).ifPresent(name -> keys.add(new Key(name, locate(file, tuple.getKeyNode().getStartMark()))));
            }
            Optional<NodeTuple> docker = entry(mapping, "build").filter(t -> t.getValueNode() instanceof MappingNode)
                    .flatMap(t -> entry((MappingNode) t.getValueNode(), "docker"));
            if (docker.isPresent()) {
                buildDocker = locate(file, docker.get().getKeyNode().getStartMark());
                if (docker.get().getValueNode() instanceof MappingNode processes) {
                    for (NodeTuple process : processes.getValue()) {
                        Optional<String> name = scalar(process.getKeyNode());
                        Node value = process.getValueNode();
                        Node path = value instanceof MappingNode spec ? entry(spec, "dockerfile").map(NodeTuple::getValueNode).orElse(null) : value;
                        Optional<String> dockerfile = path == null ? Optional.empty() : scalar(path);
                        if (name.isPresent() && dockerfile.isPresent()) {
                            images.add(new DockerImage(name.get(), dockerfile.get(), locate(file, path.getStartMark())));
                        }
                    }
                }
            }
        }
        return new HerokuYml(Optional.empty(), List.copyOf(keys), Optional.ofNullable(buildDocker), List.copyOf(images), List.copyOf(run),
                release);
    }

    /** {@code web: gunicorn app.wsgi} or {@code web: {command: [gunicorn, app.wsgi], image: web}}. */
    private static Optional<RunCommand> runCommand(SourceFile file, NodeTuple process) {
        return scalar(process.getKeyNode()).flatMap(name -> command(file, name, process.getValueNode()));
    }

    private static Optional<RunCommand> command(SourceFile file, String name, Node value) {
        if (value instanceof ScalarNode command) {
            Piece piece = piece(file, command, 0);
            return Optional.of(new RunCommand(name, command.getValue(), piece.at(), List.of(piece)));
        }
        Optional<Node> command = value instanceof MappingNode spec ? entry(spec, "command").map(NodeTuple::getValueNode) : Optional.empty();
        if (command.isPresent() && command.get() instanceof SequenceNode words && !words.getValue().isEmpty()
                && words.getValue().stream().allMatch(word -> word instanceof ScalarNode)) {
            StringBuilder text = new StringBuilder();
            List<Piece> pieces = new ArrayList<>();
            for (Node word : words.getValue()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                pieces.add(piece(file, (ScalarNode) word, text.length()));
                text.append(((ScalarNode) word).getValue());
            }
            return Optional.of(new RunCommand(name, text.toString(), locate(file, words.getStartMark()), pieces));
        }
        return command.filter(node -> node instanceof ScalarNode)
                .map(node -> {
                    Piece piece = piece(file, (ScalarNode) node, 0);
                    return new RunCommand(name, ((ScalarNode) node).getValue(), piece.at(), List.of(piece));
                });
    }

    /** Where a scalar's value starts, and whether its characters are written as they are on one line. */
    private static Piece piece(SourceFile file, ScalarNode scalar, int offset) {
        Location start = locate(file, scalar.getStartMark());
        boolean oneLine = scalar.getStartMark().getLine() == scalar.getEndMark().getLine();
        boolean quoted = switch (scalar.getScalarStyle()) {
            case SINGLE_QUOTED, DOUBLE_QUOTED -> true;
            default -> false;
        };
        boolean plain = scalar.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
        Location first = quoted ? new Location(start.path(), start.line(), start.column() + 1) : start;
        String line = file.line(first.line());
        int index = line.offsetByCodePoints(0, Math.min(first.column() - 1, line.codePointCount(0, line.length())));
        boolean exact = oneLine && (plain || quoted) && line.startsWith(scalar.getValue(), index);
        return new Piece(offset, first, exact);
    }

    /** The command heroku.yml runs for {@code process}, if it names one. */
    public Optional<RunCommand> runCommand(String process) {
        return run.stream().filter(command -> command.process().equals(process)).findFirst();
    }

    private static HerokuYml invalid(Location at, String message) {
        return new HerokuYml(Optional.of(new Problem(at, message)), List.of(), Optional.empty(), List.of(), List.of(), Optional.empty());
    }

    private static Optional<NodeTuple> entry(MappingNode mapping, String key) {
        return mapping.getValue().stream().filter(t -> scalar(t.getKeyNode()).filter(key::equals).isPresent()).findFirst();
    }

    private static Optional<String> scalar(Node node) {
        return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
    }

    /** SnakeYAML marks are 0-based, with columns in code points. */
    private static Location locate(SourceFile file, Mark mark) {
        int line = Math.min(mark.getLine() + 1, file.lineCount());
        String text = file.line(Math.max(line, 1));
        int column = Math.min(mark.getColumn(), text.codePointCount(0, text.length()));
        return file.at(Math.max(line, 1), text.offsetByCodePoints(0, column));
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A variable set under {@code section} ({@code setup.config} or {@code build.config}) and where its value is. */
    public record ConfigVar(String section, String name, String value, Location at) {
    }

    /**
     * The variables {@code setup.config} (config vars of an app created from the manifest) and
     * {@code build.config} (the Docker build's environment) set, setup's first; empty for a file
     * that does not parse.
     */
    public static List<ConfigVar> configVars(SourceFile file) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(file.text()));
        } catch (RuntimeException e) {
            return List.of();
        }
        List<ConfigVar> vars = new ArrayList<>();
        if (root instanceof MappingNode mapping) {
            for (String section : List.of("setup", "build")) {
                entry(mapping, section).filter(t -> t.getValueNode() instanceof MappingNode)
                        .flatMap(t -> entry((MappingNode) t.getValueNode(), "config"))
                        .filter(t -> t.getValueNode() instanceof MappingNode)
                        .ifPresent(config -> {
                            for (NodeTuple variable : ((MappingNode) config.getValueNode()).getValue()) {
                                Optional<String> name = scalar(variable.getKeyNode());
                                Optional<String> value = scalar(variable.getValueNode());
                                if (name.isPresent() && value.isPresent()) {
                                    vars.add(new ConfigVar(section + ".config", name.get(), value.get(),
                                            locate(file, variable.getValueNode().getStartMark())));
                                }
                            }
                        });
            }
        }
        return List.copyOf(vars);
    }
}
