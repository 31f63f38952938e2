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
 * the next word unless written {@code --name=value}. In {@code options} later options win;
 * {@code given} keeps every option in command-line order, for options that may repeat.
 */
public record ServerArguments(List<ProcessCommand.Word> positionals, Map<String, ProcessCommand.Word> options,
                              List<Option> given) {

    /** One option as written: {@code word} is the option itself ({@code --bind=x} whole), {@code value} its value. */
    public record Option(String name, ProcessCommand.Word word, ProcessCommand.Word value) {
    }

    public static ServerArguments parse(List<ProcessCommand.Word> args, Set<String> flags) {
        List<ProcessCommand.Word> positionals = new ArrayList<>();
        Map<String, ProcessCommand.Word> options = new LinkedHashMap<>();
        List<Option> given = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            ProcessCommand.Word word = args.get(i);
            String text = word.text();
            if (!text.startsWith("-") || text.equals("-")) {
                positionals.add(word);
                continue;
            }
            int equals = text.indexOf('=');
            String name = text;
            ProcessCommand.Word value;
            if (text.startsWith("--") && equals > 0) {
                name = text.substring(0, equals);
                value = new ProcessCommand.Word(text.substring(equals + 1), word.at(), word.variable());
            } else if (flags.contains(text)) {
                value = word;
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                value = word;
            }
            options.put(name, value);
            given.add(new Option(name, word, value));
        }
        return new ServerArguments(List.copyOf(positionals), options, List.copyOf(given));
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

    /** Every value given for any of {@code names}, in command-line order (gunicorn accepts several {@code --bind}). */
    public List<ProcessCommand.Word> values(String... names) {
        Set<String> wanted = Set.of(names);
        return given.stream().filter(o -> wanted.contains(o.name())).map(Option::value).toList();
    }

    /** The first option named one of {@code names}, as written. */
    public Optional<Option> find(String... names) {
        Set<String> wanted = Set.of(names);
        return given.stream().filter(o -> wanted.contains(o.name())).findFirst();
    }
}
