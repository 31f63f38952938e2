package dev.deploylint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --env-file}: config vars as {@code NAME=VALUE} lines, the form of {@code heroku config
 * --shell} and of most .env files. Blank lines, {@code #} comments and an {@code export } prefix are
 * allowed; a value may be in single or double quotes. Anything else is a usage error naming the line.
 */
final class EnvFile {

    private static final long MAX_BYTES = 1 << 20;

    private EnvFile() {
    }

    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--env-file " + file + " does not exist or is not a file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new UsageException("--env-file " + file + " is larger than 1 MB; it should hold NAME=VALUE lines");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("--env-file " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? line : line.substring(0, equals).strip();
            if (equals < 0 || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new UsageException("--env-file " + file + ":" + (i + 1) + ": expected NAME=VALUE");
            }
            vars.put(name, unquote(line.substring(equals + 1).strip()));
        }
        return vars;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'") || value.startsWith("\"") && value.endsWith("\""))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
