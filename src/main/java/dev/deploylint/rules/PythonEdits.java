package dev.deploylint.rules;

import dev.deploylint.lint.Fix;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.SourceScanner;
import dev.deploylint.project.Project;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Edits to a settings module, made where the evaluator says a value was set ({@link
 * ModuleEvaluator.Binding#at()}): always a module the evaluated settings module loads, never
 * another. Each method answers empty when the source is not in the plain shape it can edit
 * safely, and the rule then offers no fix.
 */
public final class PythonEdits {

    private PythonEdits() {
    }

    /** The module text and the statement that sets {@code binding}, when it starts its line. */
    public static Optional<SourceStatement> statement(Project project, ModuleEvaluator.Binding binding) {
        Optional<SourceFile> file = project.text(binding.at().path());
        if (file.isEmpty()) {
            return Optional.empty();
        }
        SourceFile source = file.get();
        int start = source.offsetOf(binding.at());
        int lineStart = source.lineStart(binding.at().line());
        String indent = source.text().substring(lineStart, start);
        if (!indent.isBlank() && !indent.isEmpty() || continues(source, binding.at().line())) {
            return Optional.empty();
        }
        return Optional.of(new SourceStatement(source, lineStart, start, indent));
    }

    /** A statement that starts its line: its file, the line's start, the statement's start and its indentation. */
    public record SourceStatement(SourceFile file, int lineStart, int start, String indent) {

        /** Inserts {@code line} (without line break) before the statement, at its indentation. */
        public Fix.Builder insertBefore(Fix.Builder fix, String line) {
            return fix.insert(file, lineStart, indent + line + file.lineBreak());
        }

        /**
         * The offset just past the statement's line when the statement is {@code NAME = <string>}
         * on one line (a comment may follow); -1 otherwise.
         */
        public int endOfSimpleStringAssignment() {
            String text = file.text();
            int equals = text.indexOf('=', start);
            int lineEnd = file.lineEnd(file.locationOf(start).line());
            if (equals < 0 || equals >= lineEnd) {
                return -1;
            }
            int literal = equals + 1;
            while (literal < lineEnd && (text.charAt(literal) == ' ' || text.charAt(literal) == '\t')) {
                literal++;
            }
            int end = SourceScanner.stringEnd(text, literal);
            if (end < 0 || end > lineEnd) {
                return -1;
            }
            String rest = text.substring(end, lineEnd).strip();
            return rest.isEmpty() || rest.startsWith("#") ? lineEnd : -1;
        }

        /** The items of the list display assigned here ({@code NAME = [...]}), when each is a plain string literal. */
        public Optional<List<Item>> stringList() {
            String text = file.text();
            int equals = text.indexOf('=', start);
            if (equals < 0 || equals > file.lineEnd(file.locationOf(start).line())) {
                return Optional.empty();
            }
            int open = SourceScanner.skipBlank(text, equals + 1);
            if (open >= text.length() || text.charAt(open) != '[' && text.charAt(open) != '(') {
                return Optional.empty();
            }
            int close = SourceScanner.closing(text, open);
            if (close < 0) {
                return Optional.empty();
            }
            int after = close + 1;
            while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
                after++;
            }
            if (after < text.length() && "\r\n#".indexOf(text.charAt(after)) < 0) {
                return Optional.empty(); // `[...] + OTHER` and the like: the display is not the whole value
            }
            List<Item> items = new ArrayList<>();
            int i = SourceScanner.skipBlank(text, open + 1);
            while (i < close) {
                char quote = text.charAt(i);
                int end = SourceScanner.stringEnd(text, i);
                if (quote != '\'' && quote != '"' || end < 0 || end > close || text.startsWith(String.valueOf(quote).repeat(3), i)) {
                    return Optional.empty();
                }
                String value = text.substring(i + 1, end - 1);
                if (value.indexOf('\\') >= 0) {
                    return Optional.empty();
                }
                int next = SourceScanner.skipBlank(text, end);
                boolean comma = next < close && text.charAt(next) == ',';
                if (!comma && next != close) {
                    return Optional.empty();
                }
                items.add(new Item(value, i, end, comma, quote));
                i = comma ? SourceScanner.skipBlank(text, next + 1) : next;
            }
            return Optional.of(items);
        }
    }

    /** One string item of a list display: its value, its literal's extent, whether a comma follows, and its quote. */
    public record Item(String value, int start, int end, boolean comma, char quote) {
    }

    /** True when the line before {@code line} ends with a backslash (this line continues it). */
    private static boolean continues(SourceFile file, int line) {
        if (line <= 1) {
            return false;
        }
        String previous = file.line(line - 1);
        return previous.endsWith("\\");
    }

    /** The quote the module uses most for strings: {@code '} or {@code "}. */
    public static char quote(SourceFile file) {
        String text = file.text();
        long single = text.chars().filter(c -> c == '\'').count();
        long doubled = text.chars().filter(c -> c == '"').count();
        return single > doubled ? '\'' : '"';
    }

    /** {@code text} as a string literal in the module's quote. */
    public static String literal(SourceFile file, String text) {
        char quote = quote(file);
        return quote + text + quote;
    }
}
