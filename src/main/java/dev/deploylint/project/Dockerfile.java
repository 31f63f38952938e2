package dev.deploylint.project;

import dev.deploylint.parse.json.Json;
import dev.deploylint.parse.json.JsonDocument;
import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Dockerfile deploylint reads: each build stage's {@code FROM} image, {@code ENV}
 * variables and {@code CMD}/{@code ENTRYPOINT}, every value with its location. Lines continued with
 * the escape character (backslash, or the one a {@code # escape=} directive names) are joined as
 * Docker joins them; comment lines are skipped. The image Heroku runs is built from the last stage.
 */
public record Dockerfile(String path, List<Stage> stages) {

    private static final Pattern ESCAPE_DIRECTIVE = Pattern.compile("#\\s*escape\\s*=\\s*(\\S)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*[a-zA-Z]+\\s*=.*");
    private static final Pattern PYTHON_TAG = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:-[A-Za-z0-9.-]+)?");

    /** An image reference as written after {@code FROM} (flags removed), and where it starts. */
    public record Image(String reference, Location at) {

        /** The repository without registry host and tag: {@code python} for {@code docker.io/library/python:3.12}. */
        public String repository() {
            String withoutDigest = reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
            int slash = withoutDigest.lastIndexOf('/');
            int colon = withoutDigest.lastIndexOf(':');
            String name = colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
            for (String prefix : List.of("docker.io/", "index.docker.io/", "registry-1.docker.io/")) {
                if (name.startsWith(prefix)) {
                    name = name.substring(prefix.length());
                }
            }
            return name.startsWith("library/") ? name.substring("library/".length()) : name;
        }

        /** The tag, when one is written and holds no build argument. */
        public Optional<String> tag() {
            String withoutDigest = reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
            int slash = withoutDigest.lastIndexOf('/');
            int colon = withoutDigest.lastIndexOf(':');
            return colon > slash && !withoutDigest.contains("$") ? Optional.of(withoutDigest.substring(colon + 1)) : Optional.empty();
        }
    }

    /** One {@code ENV} variable. */
    public record Env(String name, String value, Location at) {
    }

    /**
     * A {@code CMD} or {@code ENTRYPOINT}: in exec form the JSON array's words, in shell form the
     * command line as written (Docker runs it with {@code /bin/sh -c}). {@code written} is the
     * instruction's arguments as written (continuation lines joined), {@code locate} maps a char
     * offset in it to the file, and {@code tokens} are the words with their spans in it: the shell's
     * words in shell form, the JSON strings' contents in exec form.
     */
    public record Command(boolean execForm, List<String> words, String text, Location at, String written,
                          IntFunction<Location> locate, List<ProcessCommand.Token> tokens) {
        public Command {
            words = List.copyOf(words);
            tokens = List.copyOf(tokens);
        }
    }

    /** One build stage: its base image, its {@code AS} name, and what it sets. */
    public record Stage(Image from, Optional<String> name, List<Env> env, Optional<Command> cmd, Optional<Command> entrypoint) {
        public Stage {
            env = List.copyOf(env);
        }
    }

    public Dockerfile {
        stages = List.copyOf(stages);
    }

    private record Key(String path) {
    }

    /** The Dockerfile at {@code path}; empty when absent or unreadable. */
    public static Optional<Dockerfile> of(Project project, String path) {
        return project.view(new Key(path), p -> p.text(path).map(Dockerfile::parse));
    }

    /** The stage the image is built from: the last one; empty when the file has no {@code FROM}. */
    public Optional<Stage> finalStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    /**
     * The external image the final stage starts from, following {@code FROM <earlier stage>}
     * back to that stage's image.
     */
    public Optional<Image> baseImage() {
        for (int i = stages.size() - 1; i >= 0; i--) {
            String reference = stages.get(i).from().reference();
            Optional<Integer> earlier = stageNamed(reference, i);
            if (earlier.isEmpty()) {
                return Optional.of(stages.get(i).from());
            }
            i = earlier.get() + 1;
        }
        return Optional.empty();
    }

    private Optional<Integer> stageNamed(String name, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (stages.get(i).name().filter(n -> n.equalsIgnoreCase(name)).isPresent()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * The Python version of an official {@code python} base image whose tag names a minor version
     * ({@code python:3.12}, {@code python:3.12.4-slim-bookworm}); empty for any other image, a
     * tag like {@code 3} or {@code latest}, or a tag built from an {@code ARG}.
     */
    public Optional<PythonVersionFiles.Declared> python() {
        Optional<Image> image = baseImage().filter(i -> i.repository().equals("python"));
        Optional<Matcher> tag = image.flatMap(Image::tag).map(PYTHON_TAG::matcher).filter(Matcher::matches);
        if (tag.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = tag.get();
        Integer patch = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        String version = m.group(1) + "." + m.group(2) + (patch == null ? "" : "." + patch);
        return Optional.of(new PythonVersionFiles.Declared(version, Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), patch, image.get().at()));
    }

    /** The command the container runs: the final stage's {@code CMD}, else its {@code ENTRYPOINT}. */
    public Optional<Command> command() {
        return finalStage().flatMap(stage -> stage.cmd().or(stage::entrypoint));
    }

    public static Dockerfile parse(SourceFile file) {
        String text = file.text();
        char escape = escapeCharacter(file);
        List<Stage> stages = new ArrayList<>();
        StageBuilder current = null;
        StringBuilder logical = null;
        Segments offsets = null;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            int end = lineEnd < 0 ? text.length() : lineEnd;
            String line = text.substring(lineStart, end);
            String stripped = line.strip();
            boolean skip = stripped.isEmpty() || stripped.startsWith("#");
            if (!skip) {
                if (logical == null) {
                    logical = new StringBuilder();
                    offsets = new Segments();
                }
                String content = stripTrailing(line);
                boolean continued = !content.isEmpty() && content.charAt(content.length() - 1) == escape;
                offsets.add(logical.length(), lineStart);
                logical.append(content, 0, continued ? content.length() - 1 : content.length());
                if (!continued) {
                    current = instruction(file, logical.toString(), offsets, stages, current);
                    logical = null;
                }
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        if (logical != null) {
            current = instruction(file, logical.toString(), offsets, stages, current);
        }
        if (current != null) {
            stages.add(current.build());
        }
        return new Dockerfile(file.path(), stages);
    }

    private static char escapeCharacter(SourceFile file) {
        for (int line = 1; line <= file.lineCount(); line++) {
            String text = file.line(line).strip();
            Matcher escape = ESCAPE_DIRECTIVE.matcher(text);
            if (escape.matches()) {
                return escape.group(1).charAt(0);
            }
            if (!DIRECTIVE.matcher(text).matches()) {
                break;
            }
        }
        return '\\';
    }

    private static String stripTrailing(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1).stripTrailing() : line.stripTrailing();
    }

    /** Applies one logical instruction; returns the stage being built afterwards. */
    private static StageBuilder instruction(SourceFile file, String logical, Segments offsets, List<Stage> stages,
                                            StageBuilder current) {
        int start = 0;
        while (start < logical.length() && Character.isWhitespace(logical.charAt(start))) {
            start++;
        }
        int keywordEnd = start;
        while (keywordEnd < logical.length() && !Character.isWhitespace(logical.charAt(keywordEnd))) {
            keywordEnd++;
        }
        String keyword = logical.substring(start, keywordEnd).toUpperCase(Locale.ROOT);
        int argsStart = keywordEnd;
        while (argsStart < logical.length() && Character.isWhitespace(logical.charAt(argsStart))) {
            argsStart++;
        }
        String args = logical.substring(argsStart);
        Location at = file.locationOf(offsets.textOffset(start));
        Segments segments = offsets;
        int base = argsStart;
        IntFunction<Location> locate = offset -> file.locationOf(segments.textOffset(base + offset));
        switch (keyword) {
            case "FROM" -> {
                if (current != null) {
                    stages.add(current.build());
                }
                return from(file, logical, offsets, argsStart).orElse(null);
            }
            case "ENV" -> {
                if (current != null) {
                    current.env.addAll(env(args, at));
                }
            }
            case "CMD" -> {
                if (current != null) {
                    current.cmd = Optional.of(command(file, args, at, locate));
                }
            }
            case "ENTRYPOINT" -> {
                if (current != null) {
                    current.entrypoint = Optional.of(command(file, args, at, locate));
                }
            }
            default -> {
            }
        }
        return current;
    }

    private static Optional<StageBuilder> from(SourceFile file, String logical, Segments offsets, int argsStart) {
        List<int[]> words = new ArrayList<>();
        int i = argsStart;
        while (i < logical.length()) {
            while (i < logical.length() && Character.isWhitespace(logical.charAt(i))) {
                i++;
            }
            int wordStart = i;
            while (i < logical.length() && !Character.isWhitespace(logical.charAt(i))) {
                i++;
            }
            if (i > wordStart) {
                words.add(new int[] {wordStart, i});
            }
        }
        List<int[]> plain = words.stream().filter(w -> !logical.startsWith("--", w[0])).toList();
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        int[] image = plain.get(0);
        Optional<String> name = plain.size() >= 3 && logical.substring(plain.get(1)[0], plain.get(1)[1]).equalsIgnoreCase("as")
                ? Optional.of(logical.substring(plain.get(2)[0], plain.get(2)[1])) : Optional.empty();
        StageBuilder stage = new StageBuilder();
        stage.from = new Image(logical.substring(image[0], image[1]), file.locationOf(offsets.textOffset(image[0])));
        stage.name = name;
        return Optional.of(stage);
    }

    /** {@code ENV NAME=value NAME2="v 2"} or the legacy {@code ENV NAME value with spaces}. */
    private static List<Env> env(String args, Location at) {
        List<Env> env = new ArrayList<>();
        List<String> words = shellWords(args);
        if (words.isEmpty()) {
            return env;
        }
        if (!words.get(0).contains("=")) {
            int space = args.indexOf(' ');
            int tab = args.indexOf('\t');
            int split = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
            String value = split < 0 ? "" : unquote(args.substring(split).strip());
            env.add(new Env(words.get(0), value, at));
            return env;
        }
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals > 0) {
                env.add(new Env(word.substring(0, equals), word.substring(equals + 1), at));
            }
        }
        return env;
    }

    private static String unquote(String value) {
        List<String> words = shellWords(value);
        return words.size() == 1 ? words.get(0) : value;
    }

    /** Splits on unquoted whitespace and removes quotes and backslash escapes, as Docker does for ENV. */
    private static List<String> shellWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\\' && quote != '\'' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** Exec form when the arguments are a JSON array of strings, as Docker decides; shell form otherwise. */
    private static Command command(SourceFile file, String args, Location at, IntFunction<Location> locate) {
        if (args.startsWith("[")) {
            JsonDocument json = JsonDocument.parse(SourceFile.of(file.path(), args));
            if (json.isValid() && json.root() instanceof Json.JArray array
                    && array.items().stream().allMatch(item -> item instanceof Json.JString)) {
                List<String> words = array.items().stream().map(item -> ((Json.JString) item).value()).toList();
                List<ProcessCommand.Token> tokens = new ArrayList<>();
                for (Json item : array.items()) {
                    tokens.add(execToken(args, (Json.JString) item, locate));
                }
                return new Command(true, words, String.join(" ", words), at, args, locate, tokens);
            }
        }
        return new Command(false, List.of(), args, at, args, locate, ProcessCommand.tokens(args, locate));
    }

    /** A JSON string's content as a word; its span covers the content when no escape changes it, else it is empty. */
    private static ProcessCommand.Token execToken(String args, Json.JString item, IntFunction<Location> locate) {
        int quote = args.offsetByCodePoints(0, Math.min(item.at().column() - 1, args.codePointCount(0, args.length())));
        int start = Math.min(quote + 1, args.length());
        boolean asWritten = args.startsWith(item.value() + "\"", start);
        ProcessCommand.Word word = new ProcessCommand.Word(item.value(), locate.apply(start), false);
        return new ProcessCommand.Token(word, start, asWritten ? start + item.value().length() : start);
    }

    /** Where each physical line of a logical instruction starts, in the instruction and in the file. */
    private static final class Segments {
        private final List<int[]> starts = new ArrayList<>();

        void add(int logicalStart, int textStart) {
            starts.add(new int[] {logicalStart, textStart});
        }

        /** The file offset of the instruction's character at {@code index}. */
        int textOffset(int index) {
            int[] segment = starts.get(0);
            for (int[] start : starts) {
                if (start[0] > index) {
                    break;
                }
                segment = start;
            }
            return segment[1] + index - segment[0];
        }
    }

    private static final class StageBuilder {
        private Image from;
        private Optional<String> name = Optional.empty();
        private final List<Env> env = new ArrayList<>();
        private Optional<Command> cmd = Optional.empty();
        private Optional<Command> entrypoint = Optional.empty();

        Stage build() {
            return new Stage(from, name, env, cmd, entrypoint);
        }
    }
}
