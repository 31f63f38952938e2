package dev.deploylint.project;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a Dockerfile's {@code ENV} instructions set, read minimally: both forms,
 * {@code ENV K=V K2="V 2"} and the legacy {@code ENV K V}, with backslash line continuations.
 * A later instruction wins, as in Docker; values with {@code $} substitutions are kept as written.
 */
public final class DockerfileEnv {

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A variable's value and where its instruction starts (1-based line). */
    public record Variable(String value, Location at) {
    }

    private DockerfileEnv() {
    }

    /** Every variable the file sets, by name, as the last ENV left it. */
    public static Map<String, Variable> parse(SourceFile file) {
        Map<String, Variable> variables = new LinkedHashMap<>();
        int lines = file.lineCount();
        for (int line = 1; line <= lines; line++) {
            int start = line;
            StringBuilder instruction = new StringBuilder(file.line(line));
            while (instruction.toString().stripTrailing().endsWith("\\") && line < lines) {
                String text = instruction.toString().stripTrailing();
                instruction = new StringBuilder(text.substring(0, text.length() - 1)).append(' ').append(file.line(++line));
            }
            String text = instruction.toString().strip();
            if (text.length() > 4 && text.substring(0, 4).equalsIgnoreCase("ENV ")) {
                Location at = file.at(start, 0);
                read(text.substring(4).strip(), at, variables);
            }
        }
        return variables;
    }

    private static void read(String body, Location at, Map<String, Variable> variables) {
        List<String> words = words(body);
        if (words.isEmpty()) {
            return;
        }
        if (!words.get(0).contains("=")) {
            if (!NAME.matcher(words.get(0)).matches()) {
                return;
            }
            // ENV NAME value with spaces: everything after the first blank is the value
            String rest = body.substring(body.indexOf(words.get(0)) + words.get(0).length()).strip();
            variables.put(words.get(0), new Variable(unquote(rest), at));
            return;
        }
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals > 0 && NAME.matcher(word.substring(0, equals)).matches()) {
                variables.put(word.substring(0, equals), new Variable(unquote(word.substring(equals + 1)), at));
            }
        }
    }

    /** Splits on blanks outside quotes, keeping quotes in the words. */
    private static List<String> words(String body) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (!current.isEmpty()) {
                    words.add(current.toString());
                    current.setLength(0);
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = quote == 0 ? c : quote == c ? 0 : quote;
            }
            current.append(c);
        }
        if (!current.isEmpty()) {
            words.add(current.toString());
        }
        return words;
    }

    private static String unquote(String value) {
        return value.replace("\"", "").replace("'", "");
    }
}
