package dev.deploylint.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of a server command ({@code gunicorn}, {@code uvicorn}, ...) split into options
 * and positional words. Options named in {@code flags} take no value; every other option takes
 * the next word unless written {@code --name=value}. Later options win.
 */
public record ServerArguments(List<ProcessCommand.Word> positionals, Map<String, ProcessCommand.Word> options) {

    public static ServerArguments parse(List<ProcessCommand.Word> args, Set<String> flags) {
        List<ProcessCommand.Word> positionals = new ArrayList<>();
        Map<String, ProcessCommand.Word> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            ProcessCommand.Word word = args.get(i);
            String text = word.text();
            if (!text.startsWith("-") || text.equals("-")) {
                positionals.add(word);
                continue;
            }
            int equals = text.indexOf('=');
            if (text.startsWith("--") && equals > 0) {
                options.put(text.substring(0, equals), new ProcessCommand.Word(text.substring(equals + 1), word.at(), word.variable()));
            } else if (flags.contains(text)) {
                options.put(text, word);
            } else if (i + 1 < args.size()) {
                options.put(text, args.get(++i));
            } else {
                options.put(text, word);
            }
        }
        return new ServerArguments(List.copyOf(positionals), options);
    }

    /** The value of the first of {@code names} that is given (e.g. {@code -b} and {@code --bind}). */
    public Optional<ProcessCommand.Word> option(String... names) {
        ProcessCommand.Word found = null;
        for (String name : names) {
            if (options.containsKey(name)) {
                found = options.get(name);
            }
        }
        return Optional.ofNullable(found);
    }
}
