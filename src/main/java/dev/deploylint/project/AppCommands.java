package dev.deploylint.project;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Every command Heroku runs for the app, wherever it is written, as the deploy style decides:
 * for a buildpack app the Procfile's processes and the Python buildpack's {@code bin/pre_compile}
 * and {@code bin/post_compile} hooks (one command per line); for a container app heroku.yml's
 * {@code run} and {@code release} commands and, when heroku.yml names no web command, the web
 * image's Dockerfile {@code CMD} (or {@code ENTRYPOINT}). The Procfile plays no part in a container
 * app, nor heroku.yml in a buildpack app. Commands are in file order, Procfile or heroku.yml first.
 */
public record AppCommands(List<Command> all) {

    /** What a command is for. */
    public enum Kind {
        /** The {@code web} process: it must bind {@code $PORT}. */
        WEB,
        /** The release phase command, run once per deploy before the new release takes traffic. */
        RELEASE,
        /** Any other process type. */
        WORKER,
        /** A build hook, run while the slug is built. */
        BUILD_HOOK
    }

    /** Where a command is written. */
    public enum Source {
        PROCFILE, HEROKU_YML_RUN, HEROKU_YML_RELEASE, DOCKERFILE_CMD, PRE_COMPILE, POST_COMPILE
    }

    /**
     * One command: its kind, source and process name, the text as written there, a map from a
     * char offset in that text to the file, its words with their spans in the text, and the
     * programs it runs. {@code shell} is false for an exec-form Dockerfile command, which no shell
     * splits or expands.
     */
    public record Command(Kind kind, Source source, String process, String text, IntFunction<Location> locate,
                          List<ProcessCommand.Token> tokens, ProcessCommand parsed, boolean shell) {

        public Command {
            tokens = List.copyOf(tokens);
        }

        /** Where the command's first word starts. */
        public Location at() {
            return tokens.isEmpty() ? locate.apply(0) : tokens.get(0).word().at();
        }

        /** The place that defines the command, for messages: {@code the Procfile's `web` process}. */
        public String describe() {
            return switch (source) {
                case PROCFILE -> "the Procfile's `" + process + "` process";
                case HEROKU_YML_RUN -> "heroku.yml's `run." + process + "`";
                case HEROKU_YML_RELEASE -> "heroku.yml's `release` command";
                case DOCKERFILE_CMD -> "the Dockerfile's `" + process + "`";
                case PRE_COMPILE -> "the `bin/pre_compile` hook";
                case POST_COMPILE -> "the `bin/post_compile` hook";
            };
        }
    }

    private static final Set<String> SHELLS = Set.of("sh", "bash", "/bin/sh", "/bin/bash", "/usr/bin/env bash");

    public static AppCommands of(Project project) {
        return project.view(AppCommands.class, AppCommands::collect);
    }

    /** The web command Heroku runs, if the app names one: of a Procfile's duplicate {@code web} lines, the last, as {@link Procfile#process}. */
    public Optional<Command> web() {
        return all.stream().filter(c -> c.kind() == Kind.WEB).reduce((first, second) -> second);
    }

    public List<Command> ofKind(Kind kind) {
        return all.stream().filter(c -> c.kind() == kind).toList();
    }

    private static AppCommands collect(Project project) {
        List<Command> commands = new ArrayList<>();
        if (DeployStyle.of(project).isContainer()) {
            Optional<HerokuYml> yml = HerokuYml.of(project).filter(HerokuYml::isValid);
            yml.ifPresent(manifest -> {
                for (HerokuYml.RunCommand run : manifest.run()) {
                    commands.add(fromManifest(run, kindOf(run.process()), Source.HEROKU_YML_RUN));
                }
                manifest.release().ifPresent(release -> commands.add(fromManifest(release, Kind.RELEASE, Source.HEROKU_YML_RELEASE)));
            });
            if (yml.flatMap(manifest -> manifest.runCommand("web")).isEmpty()) {
                DeployStyle.dockerfile(project).flatMap(Dockerfile::finalStage).flatMap(AppCommands::fromDockerfile).ifPresent(commands::add);
            }
        } else {
            Procfile.of(project).ifPresent(procfile -> {
                for (Procfile.Process process : procfile.processes()) {
                    IntFunction<Location> locate = lineLocator(procfile.file(), process.commandAt());
                    commands.add(new Command(kindOf(process.name()), Source.PROCFILE, process.name(), process.command(),
                            locate, ProcessCommand.tokens(process.command(), locate), process.parsed(), true));
                }
            });
            hook(project, "bin/pre_compile", Source.PRE_COMPILE, commands);
            hook(project, "bin/post_compile", Source.POST_COMPILE, commands);
        }
        return new AppCommands(List.copyOf(commands));
    }

    private static Kind kindOf(String process) {
        return switch (process) {
            case "web" -> Kind.WEB;
            case "release" -> Kind.RELEASE;
            default -> Kind.WORKER;
        };
    }

    /** Char offsets on the line of {@code start}, from there: a Procfile command never spans lines. */
    private static IntFunction<Location> lineLocator(SourceFile file, Location start) {
        String line = file.line(start.line());
        int base = line.offsetByCodePoints(0, Math.min(start.column() - 1, line.codePointCount(0, line.length())));
        return offset -> file.at(start.line(), base + offset);
    }

    private static Command fromManifest(HerokuYml.RunCommand run, Kind kind, Source source) {
        IntFunction<Location> locate = run::locate;
        return new Command(kind, source, run.process(), run.command(), locate, ProcessCommand.tokens(run.command(), locate),
                ProcessCommand.parse(run.command(), locate), true);
    }

    /**
     * The web command of a container built from {@code stage}. Heroku runs a {@code CMD} through a
     * shell, exec form included ("CMD will always be executed by a shell so that config vars are made
     * available to your process; to execute single binaries or use images without a shell please use
     * ENTRYPOINT", Dev Center, Container Registry and Runtime), so its words see {@code $PORT}; an
     * exec-form {@code ENTRYPOINT} alone runs without one. An exec-form {@code ["sh", "-c", "script"]}
     * runs its script through a shell, so the script is split like a shell command.
     */
    private static Optional<Command> fromDockerfile(Dockerfile.Stage stage) {
        Optional<Dockerfile.Command> found = stage.cmd().or(stage::entrypoint);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Dockerfile.Command command = found.get();
        String instruction = stage.cmd().isPresent() ? "CMD" : "ENTRYPOINT";
        if (!command.execForm()) {
            return Optional.of(new Command(Kind.WEB, Source.DOCKERFILE_CMD, instruction, command.written(), command.locate(), command.tokens(),
                    ProcessCommand.parse(command.written(), command.locate()), true));
        }
        boolean shell = stage.cmd().isPresent();
        List<ProcessCommand.Token> tokens = command.tokens().stream()
                .map(t -> new ProcessCommand.Token(new ProcessCommand.Word(t.word().text(), t.word().at(), shell && t.word().text().contains("$")),
                        t.start(), t.end()))
                .toList();
        if (tokens.size() == 3 && SHELLS.contains(tokens.get(0).word().text().toLowerCase(Locale.ROOT))
                && tokens.get(1).word().text().equals("-c")) {
            ProcessCommand.Token script = tokens.get(2);
            String text = script.word().text();
            boolean asWritten = script.end() - script.start() == text.length();
            IntFunction<Location> inner = asWritten ? offset -> command.locate().apply(script.start() + offset) : offset -> script.word().at();
            List<ProcessCommand.Token> all = new ArrayList<>(tokens.subList(0, 2));
            if (asWritten) {
                ProcessCommand.tokens(text, inner).forEach(t -> all.add(new ProcessCommand.Token(t.word(), script.start() + t.start(),
                        script.start() + t.end())));
            }
            return Optional.of(new Command(Kind.WEB, Source.DOCKERFILE_CMD, instruction, command.written(), command.locate(), all,
                    ProcessCommand.parse(text, inner), true));
        }
        return Optional.of(new Command(Kind.WEB, Source.DOCKERFILE_CMD, instruction, command.written(), command.locate(), tokens,
                ProcessCommand.ofWords(tokens.stream().map(ProcessCommand.Token::word).toList()), shell));
    }

    /**
     * A build hook script, one command per line. Blank lines, comments, the lines of a here-document
     * and a shell's own syntax ({@code fi}, {@code done}, braces) run no program of interest.
     */
    private static void hook(Project project, String path, Source source, List<Command> commands) {
        Optional<SourceFile> script = project.text(path);
        if (script.isEmpty()) {
            return;
        }
        SourceFile file = script.get();
        String hereDocument = null;
        for (int n = 1; n <= file.lineCount(); n++) {
            String line = file.line(n);
            if (hereDocument != null) {
                if (line.strip().equals(hereDocument)) {
                    hereDocument = null;
                }
                continue;
            }
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int marker = line.indexOf("<<");
            if (marker >= 0 && !line.startsWith("<<<", marker)) {
                String delimiter = line.substring(marker + 2).replaceFirst("^-", "").strip().split("\\s+")[0].replaceAll("['\"\\\\]", "");
                hereDocument = delimiter.isEmpty() ? null : delimiter;
            }
            int lineNumber = n;
            IntFunction<Location> locate = offset -> file.at(lineNumber, offset);
            commands.add(new Command(Kind.BUILD_HOOK, source, path.substring(path.indexOf('/') + 1), line, locate,
                    ProcessCommand.tokens(line, locate), ProcessCommand.parse(line, locate), true));
        }
    }
}
