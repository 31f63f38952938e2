package dev.deploylint.project;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a {@code .env} file sets, as the library that reads it parses it: each entry has
 * its key, its value and the location of its key (1-based line and column). Lines the library
 * skips or rejects are not entries; a key set twice keeps its last value.
 */
public record DotEnvFile(String path, List<Entry> entries) {

    /** One {@code KEY=value} binding; {@code value} is decoded (quotes removed, escapes applied). */
    public record Entry(String key, String value, Location at) {
    }

    /** The libraries' parsers differ on spaces around '=', {@code export}, quotes and comments. */
    public enum Dialect {
        /**
         * python-dotenv ({@code load_dotenv}, environs' {@code read_env}), src/dotenv/parser.py 1.x:
         * optional {@code export}, spaces around '=', single or double quotes (multi-line allowed),
         * a {@code #} after whitespace ends an unquoted value.
         */
        PYTHON_DOTENV,
        /**
         * django-environ {@code Env.read_env} (environ/environ.py 0.9-0.12) and django-dotenv
         * {@code read_dotenv}: {@code (export )?KEY=value} with no space before '=', one line each.
         */
        DJANGO_ENVIRON,
        /**
         * python-decouple {@code RepositoryEnv} (decouple.py 3.x): the line split at its first '=',
         * both halves stripped, one pair of matching quotes removed; no comments after a value.
         */
        DECOUPLE
    }

    private static final Pattern ENVIRON_LINE = Pattern.compile("(?:export )?([A-Za-z_0-9]+)=(.*)");

    /** The value of {@code key}: its last binding. */
    public Optional<Entry> get(String key) {
        Entry found = null;
        for (Entry entry : entries) {
            if (entry.key().equals(key)) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    public static DotEnvFile parse(SourceFile file, Dialect dialect) {
        List<Entry> entries = switch (dialect) {
            case PYTHON_DOTENV -> new DotenvScanner(file).entries();
            case DJANGO_ENVIRON -> environ(file);
            case DECOUPLE -> decouple(file);
        };
        return new DotEnvFile(file.path(), List.copyOf(entries));
    }

    private static List<Entry> environ(SourceFile file) {
        List<Entry> entries = new ArrayList<>();
        for (int n = 1; n <= file.lineCount(); n++) {
            String line = file.line(n);
            Matcher m = ENVIRON_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String value = environValue(m.group(2));
            entries.add(new Entry(m.group(1), value, file.at(n, m.start(1))));
        }
        return entries;
    }

    /**
     * django-environ's value regexes, written out so that a hostile line costs linear time: a
     * single-quoted value runs to the last quote that only blanks and a comment follow; otherwise
     * the value ends at the first '#'; then one pair of double quotes is removed.
     */
    static String environValue(String raw) {
        String value = raw;
        int open = 0;
        while (open < raw.length() && Character.isWhitespace(raw.charAt(open))) {
            open++;
        }
        int close = -1;
        if (open < raw.length() && raw.charAt(open) == '\'') {
            boolean restIsComment = true;
            for (int i = raw.length() - 1; i > open; i--) {
                char c = raw.charAt(i);
                if (c == '\'' && restIsComment) {
                    close = i;
                    break;
                }
                if (c == '#') {
                    restIsComment = true;
                } else if (!Character.isWhitespace(c)) {
                    restIsComment = false;
                }
            }
        }
        if (close > open) {
            value = raw.substring(open + 1, close);
        } else {
            int hash = raw.indexOf('#');
            value = hash < 0 ? raw : raw.substring(0, hash);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = unescapeEnviron(value.substring(1, value.length() - 1));
        }
        return value;
    }

    /** django-environ keeps {@code \n}, {@code \r}, {@code \t} escaped and drops the backslash of any other escape. */
    private static String unescapeEnviron(String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                if ("rnt".indexOf(next) >= 0) {
                    out.append('\\');
                }
                out.append(next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<Entry> decouple(SourceFile file) {
        List<Entry> entries = new ArrayList<>();
        for (int n = 1; n <= file.lineCount(); n++) {
            String raw = file.line(n);
            String line = raw.strip();
            int equals = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || equals < 0) {
                continue;
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"') && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            entries.add(new Entry(key, value, file.at(n, raw.indexOf(line.charAt(0)))));
        }
        return entries;
    }

    /** python-dotenv's grammar (parser.py): bindings may span lines inside quotes; a bad line is skipped to its end. */
    private static final class DotenvScanner {
        private final SourceFile file;
        private final String text;
        private int pos;

        DotenvScanner(SourceFile file) {
            this.file = file;
            this.text = file.text();
        }

        List<Entry> entries() {
            List<Entry> entries = new ArrayList<>();
            while (true) {
                while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                    pos++;
                }
                if (pos >= text.length()) {
                    return entries;
                }
                int start = pos;
                Entry entry = binding();
                if (entry != null) {
                    entries.add(entry);
                } else {
                    pos = start;
                    skipRestOfLine();
                }
            }
        }

        /** One binding from {@link #pos}, or null for a comment, a key without '=' or a malformed line. */
        private Entry binding() {
            if (text.charAt(pos) == '#') {
                return null;
            }
            if (text.startsWith("export", pos) && pos + 6 < text.length() && isBlank(text.charAt(pos + 6))) {
                pos += 6;
                skipBlanks();
            }
            int keyStart = pos;
            String key;
            if (peek() == '\'') {
                int close = text.indexOf('\'', pos + 1);
                if (close <= pos + 1) {
                    return null;
                }
                key = text.substring(pos + 1, close);
                pos = close + 1;
            } else {
                while (pos < text.length() && "=#".indexOf(text.charAt(pos)) < 0 && !Character.isWhitespace(text.charAt(pos))) {
                    pos++;
                }
                if (pos == keyStart) {
                    return null;
                }
                key = text.substring(keyStart, pos);
            }
            skipBlanks();
            if (peek() != '=') {
                return null;
            }
            pos++;
            skipBlanks();
            String value = value();
            if (value == null) {
                return null;
            }
            skipBlanks();
            if (peek() == '#') {
                skipRestOfLine();
            } else if (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                return null;
            }
            return new Entry(key, value, file.locationOf(keyStart));
        }

        private String value() {
            char quote = peek();
            if (quote == '\'' || quote == '"') {
                StringBuilder out = new StringBuilder();
                int i = pos + 1;
                while (i < text.length() && text.charAt(i) != quote) {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < text.length()) {
                        char next = text.charAt(i + 1);
                        String decoded = quote == '\'' ? ("\\'".indexOf(next) >= 0 ? String.valueOf(next) : null) : doubleQuoted(next);
                        if (decoded != null) {
                            out.append(decoded);
                            i += 2;
                            continue;
                        }
                    }
                    out.append(c);
                    i++;
                }
                if (i >= text.length()) {
                    return null;
                }
                pos = i + 1;
                return out.toString();
            }
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                pos++;
            }
            String part = text.substring(start, pos);
            // re.sub(r"\s+#.*", "", part): the value ends before the first '#' that follows a blank
            for (int i = 1; i < part.length(); i++) {
                if (part.charAt(i) == '#' && Character.isWhitespace(part.charAt(i - 1))) {
                    part = part.substring(0, i);
                    break;
                }
            }
            return part.stripTrailing();
        }

        private static String doubleQuoted(char next) {
            return switch (next) {
                case '\\', '\'', '"' -> String.valueOf(next);
                case 'a' -> "\u0007";
                case 'b' -> "\b";
                case 'f' -> "\f";
                case 'n' -> "\n";
                case 'r' -> "\r";
                case 't' -> "\t";
                case 'v' -> "\u000b";
                default -> null;
            };
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }

        private void skipBlanks() {
            while (pos < text.length() && isBlank(text.charAt(pos))) {
                pos++;
            }
        }

        private void skipRestOfLine() {
            while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                pos++;
            }
        }
    }
}
