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
 * from and the {@code run} commands, every one with its location. A file that does not parse has a {@link Problem} and no keys.
 */
public record HerokuYml(Optional<Problem> problem, List<Key> keys, Optional<Location> buildDocker, List<DockerImage> images,
                        List<RunCommand> run) {

    public static final String PATH = "heroku.yml";

    /** A key as written and where it starts. */
    public record Key(String name, Location at) {
    }

    /** The Dockerfile path given for one process under {@code build.docker}, as written. */
    public record DockerImage(String process, String dockerfile, Location at) {
    }

    /**
     * A process's command under {@code run}: a string, or the words of a {@code command:} list
     * joined by spaces, with the location of the value.
     */
    public record RunCommand(String process, String command, Location at) {
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
        if (root instanceof MappingNode mapping) {
            entry(mapping, "run").filter(t -> t.getValueNode() instanceof MappingNode)
                    .ifPresent(t -> ((MappingNode) t.getValueNode()).getValue().forEach(process -> runCommand(file, process).ifPresent(run::add)));
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
        return new HerokuYml(Optional.empty(), List.copyOf(keys), Optional.ofNullable(buildDocker), List.copyOf(images), List.copyOf(run));
    }

    /** {@code web: gunicorn app.wsgi} or {@code web: {command: [gunicorn, app.wsgi], image: web}}. */
    private static Optional<RunCommand> runCommand(SourceFile file, NodeTuple process) {
        Optional<String> name = scalar(process.getKeyNode());
        Node value = process.getValueNode();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (value instanceof ScalarNode command) {
            return Optional.of(new RunCommand(name.get(), command.getValue(), locate(file, command.getStartMark())));
        }
        Optional<Node> command = value instanceof MappingNode spec ? entry(spec, "command").map(NodeTuple::getValueNode) : Optional.empty();
        if (command.isPresent() && command.get() instanceof SequenceNode words
                && words.getValue().stream().allMatch(word -> word instanceof ScalarNode)) {
            String text = String.join(" ", words.getValue().stream().map(word -> ((ScalarNode) word).getValue()).toList());
            return Optional.of(new RunCommand(name.get(), text, locate(file, words.getStartMark())));
        }
        return command.flatMap(HerokuYml::scalar).map(text -> new RunCommand(name.get(), text, locate(file, command.get().getStartMark())));
    }

    /** The command heroku.yml runs for {@code process}, if it names one. */
    public Optional<RunCommand> runCommand(String process) {
        return run.stream().filter(command -> command.process().equals(process)).findFirst();
    }

    private static HerokuYml invalid(Location at, String message) {
        return new HerokuYml(Optional.of(new Problem(at, message)), List.of(), Optional.empty(), List.of(), List.of());
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
