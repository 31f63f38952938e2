package dev.deploylint.project;

import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code # deploylint: ignore[ID,...] reason} comments of an app, in the files whose format
 * has comments: Python modules deploylint parsed, the Procfile (whole-line comments only),
 * requirements files, runtime.txt and .python-version. A comment alone on its line applies to
 * the next line, one after code to its own line.
 */
public final class InlineSuppressions {

    /** The marker that starts a suppression comment, after the {@code #}. */
    public static final String MARKER = "deploylint:";

    /** One suppression comment; {@code problem} says why it is malformed, or is null. */
    public record Suppression(Location at, int appliesToLine, Set<String> rules, String reason, String problem) {
    }

    private static final List<String> LINE_FILES = List.of("Procfile", "runtime.txt", ".python-version");

    private InlineSuppressions() {
    }

    /** Every suppression comment in the app's commentable files that were read. */
    public static List<Suppression> of(Project project) {
        return project.view(InlineSuppressions.class, InlineSuppressions::load);
    }

    private static List<Suppression> load(Project project) {
        ProjectViews.loadAll(project);
        List<Suppression> found = new ArrayList<>();
        for (PythonModule module : PythonSources.of(project).parsed()) {
            for (PythonModule.Comment comment : module.comments()) {
                boolean alone = project.text(module.path())
                        .map(f -> f.line(comment.location().line()).substring(0, lineIndex(f, comment.location())).isBlank())
                        .orElse(true);
                parse(comment.location(), comment.text(), alone).ifPresent(found::add);
            }
        }
        List<String> files = new ArrayList<>(LINE_FILES);
        project.files().entries().keySet().stream()
                .filter(path -> path.endsWith(".txt") && path.contains("requirements"))
                .forEach(files::add);
        for (String path : files) {
            project.text(path).ifPresent(file -> scanLines(file, !path.equals("Procfile"), found));
        }
        return List.copyOf(found);
    }

    private static int lineIndex(SourceFile file, Location location) {
        String line = file.line(location.line());
        return Math.min(line.length(), line.offsetByCodePoints(0, Math.min(location.column() - 1, line.codePointCount(0, line.length()))));
    }

    private static void scanLines(SourceFile file, boolean trailingComments, List<Suppression> found) {
        for (int n = 1; n <= file.lineCount(); n++) {
            String line = file.line(n);
            int hash = line.indexOf('#');
            while (hash >= 0) {
                boolean alone = line.substring(0, hash).isBlank();
                if (alone || (trailingComments && Character.isWhitespace(line.charAt(hash - 1)))) {
                    parse(file.at(n, hash), line.substring(hash + 1), alone).ifPresent(found::add);
                    break;
                }
                hash = line.indexOf('#', hash + 1);
            }
        }
    }

    /** Parses the text after {@code #}; empty when it is not a deploylint comment at all. */
    static java.util.Optional<Suppression> parse(Location at, String comment, boolean alone) {
        String text = comment.strip();
        if (!text.startsWith(MARKER)) {
            return java.util.Optional.empty();
        }
        int line = alone ? at.line() + 1 : at.line();
        String rest = text.substring(MARKER.length()).strip();
        if (!rest.startsWith("ignore[") || rest.indexOf(']') < 0) {
            return java.util.Optional.of(new Suppression(at, line, Set.of(), "",
                    "write it as `# deploylint: ignore[RULE-ID] reason`"));
        }
        Set<String> rules = new LinkedHashSet<>();
        for (String rule : rest.substring("ignore[".length(), rest.indexOf(']')).split(",")) {
            if (!rule.isBlank()) {
                rules.add(rule.strip());
            }
        }
        String reason = rest.substring(rest.indexOf(']') + 1).strip();
        String problem = rules.isEmpty() ? "name the rule it silences, as in `ignore[PF004]`"
                : reason.isEmpty() ? "give the reason after the bracket, as in `ignore[PF004] served by nginx`" : null;
        return java.util.Optional.of(new Suppression(at, line, Set.copyOf(rules), reason, problem));
    }
}
