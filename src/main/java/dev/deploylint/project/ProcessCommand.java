package dev.deploylint.project;

import dev.deploylint.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * A process command split the way a shell would split it, enough to see which programs it runs:
 * words with their locations, one {@link Invocation} per command separated by {@code &&},
 * {@code ||}, {@code ;} or {@code |}, with leading {@code NAME=value} assignments and wrapper
 * programs ({@code newrelic-admin run-program}, {@code python -m}, {@code exec}, ...) peeled off.
 */
public record ProcessCommand(List<Invocation> invocations) {

    /** A shell word after quote removal; {@code variable} is true when it contains a {@code $}. */
    public record Word(String text, Location at, boolean variable) {
    }

    /**
     * One program run by the command. {@code wrappers} are the programs that launch it, outermost
     * first (each with its own word), {@code env} the assignments before it, {@code directory} the
     * folder it runs in relative to the app root ("" for the root, where Heroku starts processes)
     * after the command's earlier {@code cd DIR}, or empty when a {@code cd} goes where deploylint
     * cannot follow (a variable, a folder outside the app).
     */
    public record Invocation(Word program, List<Word> args, Map<String, Word> env, List<Word> wrappers,
                             Optional<String> directory) {

        /** The program's file name without its folder: {@code gunicorn} for {@code .heroku/python/bin/gunicorn}. */
        public String programName() {
            String text = program.text();
            return text.substring(text.lastIndexOf('/') + 1);
        }

        /**
         * The Django management command this runs, such as {@code collectstatic} in
         * {@code python manage.py collectstatic --noinput}, {@code manage.py migrate} or {@code django-admin check}.
         */
        public Optional<Word> managementCommand() {
            String name = programName();
            int command;
            if (name.startsWith("python")) {
                command = !args.isEmpty() && args.get(0).text().endsWith("manage.py") ? 1 : -1;
            } else if (name.equals("manage.py") || name.startsWith("django-admin")) {
                command = 0;
            } else {
                return Optional.empty();
            }
            return command < 0 || command >= args.size() ? Optional.empty() : Optional.of(args.get(command));
        }
    }

    private static final Set<String> SEPARATORS = Set.of("&&", "||", ";", "|", "&");

    /** Parses {@code command}; {@code locate} maps a char offset in it to a location. */
    public static ProcessCommand parse(String command, IntFunction<Location> locate) {
        List<List<Word>> segments = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        for (Word word : split(command, locate)) {
            if (SEPARATORS.contains(word.text())) {
                if (!current.isEmpty()) {
                    segments.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(word);
            }
        }
        if (!current.isEmpty()) {
            segments.add(current);
        }
        List<Invocation> invocations = new ArrayList<>();
        Optional<String> directory = Optional.of("");
        for (List<Word> segment : segments) {
            Invocation invocation = invocation(segment, directory);
            if (invocation == null) {
                continue;
            }
            invocations.add(invocation);
            if (invocation.program().text().equals("cd")) {
                directory = changeDirectory(directory, invocation.args());
            }
        }
        return new ProcessCommand(List.copyOf(invocations));
    }

    /**
     * An exec-form command, such as a Dockerfile's JSON-array {@code CMD}: the words are the
     * program and its arguments exactly as given, with no shell to split, expand or chain them.
     */
    public static ProcessCommand ofWords(List<Word> words) {
        Invocation invocation = words.isEmpty() ? null : invocation(words, Optional.of(""));
        return new ProcessCommand(invocation == null ? List.of() : List.of(invocation));
    }

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Heroku runs every process from the app root, {@code /app}. */
    private static final String APP_ROOT = "/app";

    private static Optional<String> changeDirectory(Optional<String> from, List<Word> args) {
        if (from.isEmpty() || args.size() != 1 || args.get(0).variable()) {
            return Optional.empty();
        }
        String target = args.get(0).text();
        if (target.equals(APP_ROOT) || target.startsWith(APP_ROOT + "/")) {
            return RelativePaths.resolve("", target.substring(APP_ROOT.length()));
        }
        if (target.startsWith("/") || target.startsWith("~") || target.equals("-")) {
            return Optional.empty();
        }
        return RelativePaths.resolve(from.get(), target);
    }

    private static Invocation invocation(List<Word> words, Optional<String> directory) {
        Map<String, Word> env = new LinkedHashMap<>();
        List<Word> wrappers = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            String text = words.get(i).text();
            int equals = text.indexOf('=');
            if (equals > 0 && ENV_NAME.matcher(text.substring(0, equals)).matches()) {
                env.put(text.substring(0, equals), words.get(i));
                i++;
                continue;
            }
            int skip = wrapperLength(words, i);
            if (skip == 0) {
                break;
            }
            wrappers.add(words.get(i));
            i += skip;
        }
        if (i >= words.size()) {
            return null;
        }
        return new Invocation(words.get(i), List.copyOf(words.subList(i + 1, words.size())), env, List.copyOf(wrappers),
                directory);
    }

    /** How many words the wrapper at {@code i} takes before the wrapped program, or 0. */
    private static int wrapperLength(List<Word> words, int i) {
        String name = baseName(words.get(i).text());
        boolean hasNext = i + 1 < words.size();
        switch (name) {
            case "exec", "nice", "ddtrace-run", "opentelemetry-instrument", "scout-apm-run" -> {
                return hasNext ? 1 : 0;
            }
            // Shell keywords that run the command after them, as in a bin/post_compile script.
            case "if", "then", "else", "elif", "do", "while", "until", "!", "time" -> {
                return hasNext ? 1 : 0;
            }
            case "env" -> {
                return hasNext && !words.get(i + 1).text().startsWith("-") ? 1 : 0;
            }
            case "newrelic-admin" -> {
                return hasNext && i + 2 < words.size() && words.get(i + 1).text().equals("run-program") ? 2 : 0;
            }
            case "python", "python3" -> {
                return hasNext && i + 2 < words.size() && words.get(i + 1).text().equals("-m") ? 2 : 0;
            }
            default -> {
                return 0;
            }
        }
    }

    private static String baseName(String text) {
        return text.substring(text.lastIndexOf('/') + 1);
    }

    /**
     * A word as written: {@code start} and {@code end} are char offsets into the command text
     * (end exclusive), quotes and escapes included.
     */
    public record Token(Word word, int start, int end) {
    }

    /** Splits like a POSIX shell: quotes group, backslash escapes, operators stand alone. */
    static List<Word> split(String command, IntFunction<Location> locate) {
        return tokens(command, locate).stream().map(Token::word).toList();
    }

    /**
     * The words and operators of {@code command} with their spans, as {@link #parse} splits them;
     * an unquoted {@code #} that starts a word starts a comment, which is not part of the command.
     */
    public static List<Token> tokens(String command, IntFunction<Location> locate) {
        List<Token> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int start = -1;
        boolean variable = false;
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i);
            if (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&') {
                if (start >= 0) {
                    words.add(new Token(new Word(text.toString(), locate.apply(start), variable), start, i));
                    text.setLength(0);
                    start = -1;
                    variable = false;
                }
                if (!Character.isWhitespace(c)) {
                    boolean doubled = i + 1 < command.length() && command.charAt(i + 1) == c && c != ';';
                    int length = doubled ? 2 : 1;
                    words.add(new Token(new Word(doubled ? "" + c + c : "" + c, locate.apply(i), false), i, i + length));
                    i += length;
                } else {
                    i++;
                }
                continue;
            }
            if (start < 0) {
                if (c == '#') {
                    break;
                }
                start = i;
            }
            if (c == '\'' || c == '"') {
                int close = command.indexOf(c, i + 1);
                int end = close < 0 ? command.length() : close;
                String quoted = command.substring(i + 1, end);
                variable |= c == '"' && quoted.indexOf('$') >= 0;
                text.append(quoted);
                i = close < 0 ? end : end + 1;
                continue;
            }
            if (c == '\\' && i + 1 < command.length()) {
                text.append(command.charAt(i + 1));
                i += 2;
                continue;
            }
            variable |= c == '$';
            text.append(c);
            i++;
        }
        if (start >= 0) {
            words.add(new Token(new Word(text.toString(), locate.apply(start), variable), start, Math.min(i, command.length())));
        }
        return words;
    }
}
