package dev.deploylint.project;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pip requirements file and the files it includes with {@code -r}: the packages in the order
 * pip meets them, and includes that do not exist. Handles comments, line continuations,
 * environment markers, extras, {@code name @ url} and editable VCS lines with {@code #egg=}.
 * {@code unnamedInstalls} is true when a line installs something whose name the file does not
 * say (a local path such as {@code -e .}, a URL), whose own dependencies are then unknown.
 */
public record Requirements(List<Dependency> dependencies, List<MissingInclude> missingIncludes, boolean unnamedInstalls) {

    public static final String PATH = "requirements.txt";

    /**
     * An {@code -r file} line naming a file that is not in the app: {@code outside} when the path
     * leaves the app (an absolute path, or {@code ..} above the root), else it does not exist there
     * or is not a regular file.
     */
    public record MissingInclude(Location at, String path, boolean outside) {
    }

    public static Optional<Requirements> of(Project project) {
        return project.view(Requirements.class, p -> p.files().isFile(PATH) ? Optional.of(load(p, PATH)) : Optional.empty());
    }

    static Requirements load(Project project, String path) {
        List<Dependency> dependencies = new ArrayList<>();
        List<MissingInclude> missing = new ArrayList<>();
        boolean[] unnamed = {false};
        read(project, path, dependencies, missing, new HashSet<>(), unnamed);
        return new Requirements(List.copyOf(dependencies), List.copyOf(missing), unnamed[0]);
    }

    /** A requirements file being read: where its next line is. */
    private static final class Cursor {
        final SourceFile file;
        final String folder;
        int line = 1;

        Cursor(SourceFile file, String path) {
            this.file = file;
            this.folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        }
    }

    /**
     * Reads {@code path} and its includes depth-first, in the order pip meets them, with an explicit
     * stack rather than recursion: an include chain thousands of files deep must not overflow.
     */
    private static void read(Project project, String path, List<Dependency> out, List<MissingInclude> missing, Set<String> seen,
                             boolean[] unnamed) {
        java.util.Deque<Cursor> open = new java.util.ArrayDeque<>();
        enter(project, path, seen, open);
        while (!open.isEmpty()) {
            Cursor cursor = open.peek();
            SourceFile file = cursor.file;
            if (cursor.line > file.lineCount()) {
                open.pop();
                continue;
            }
            int first = cursor.line;
            StringBuilder logical = new StringBuilder();
            String line = file.line(cursor.line);
            while (line.endsWith("\\") && cursor.line < file.lineCount()) {
                logical.append(line, 0, line.length() - 1);
                line = file.line(++cursor.line);
            }
            logical.append(line);
            cursor.line++;
            String content = stripComment(logical.toString());
            int indent = 0;
            while (indent < content.length() && Character.isWhitespace(content.charAt(indent))) {
                indent++;
            }
            content = content.strip();
            if (content.isEmpty()) {
                continue;
            }
            Location at = file.at(first, Math.min(indent, file.line(first).length()));
            String include = includeTarget(content);
            if (include != null) {
                String target = include.startsWith("/") ? null : normalizePath(cursor.folder + include);
                if (include.contains("://") || include.contains("${") || include.isEmpty()) {
                    // pip fetches a URL and expands ${VAR} itself: what it gets is unknown here
                    unnamed[0] = true;
                } else if (target == null || !project.files().isFile(target)) {
                    missing.add(new MissingInclude(at, include, target == null));
                } else {
                    enter(project, target, seen, open);
                }
                continue;
            }
            Optional<Dependency> dependency = parseLine(content, at);
            dependency.ifPresent(out::add);
            unnamed[0] |= dependency.isEmpty() && installsSomething(content);
        }
    }

    private static void enter(Project project, String path, Set<String> seen, java.util.Deque<Cursor> open) {
        if (seen.add(path)) {
            project.text(path).ifPresent(file -> open.push(new Cursor(file, path)));
        }
    }

    private static String includeTarget(String content) {
        for (String prefix : new String[] {"-r", "--requirement"}) {
            if (content.startsWith(prefix) && content.length() > prefix.length()) {
                String rest = content.substring(prefix.length());
                if (rest.startsWith("=") || Character.isWhitespace(rest.charAt(0))) {
                    return rest.substring(1).strip();
                }
                if (prefix.equals("-r")) {
                    return rest.strip();
                }
            }
        }
        return null;
    }

    private static boolean installsSomething(String content) {
        return content.startsWith("-e") || content.startsWith("--editable") || !content.startsWith("-");
    }

    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Parses one logical requirement line; options other than editables yield nothing. */
    static Optional<Dependency> parseLine(String content, Location at) {
        if (content.startsWith("-e") || content.startsWith("--editable")) {
            int egg = content.indexOf("#egg=");
            if (egg < 0) {
                return Optional.empty();
            }
            String name = content.substring(egg + 5).split("[&\\s\\[]", 2)[0];
            return name.isEmpty() ? Optional.empty() : Optional.of(new Dependency(Dependency.normalize(name), "", Optional.empty(), at));
        }
        if (content.startsWith("-") || content.contains("://") && !content.contains("@")) {
            return Optional.empty();
        }
        if (!Character.isLetterOrDigit(content.charAt(0))) {
            return Optional.empty();
        }
        int end = 0;
        while (end < content.length() && isNameChar(content.charAt(end))) {
            end++;
        }
        String name = content.substring(0, end);
        String rest = content.substring(end).strip();
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            rest = close < 0 ? "" : rest.substring(close + 1).strip();
        }
        int marker = rest.indexOf(';');
        String specifier = (marker < 0 ? rest : rest.substring(0, marker)).strip();
        String markerText = marker < 0 ? "" : rest.substring(marker + 1).strip();
        if (specifier.startsWith("@")) {
            return Optional.of(new Dependency(Dependency.normalize(name), "", Optional.empty(), at, markerText));
        }
        specifier = specifier.replace(" ", "");
        if (specifier.startsWith("(") && specifier.endsWith(")")) {
            specifier = specifier.substring(1, specifier.length() - 1);
        }
        return Optional.of(new Dependency(Dependency.normalize(name), specifier, pinnedVersion(specifier), at, markerText));
    }

    /** The version of a {@code ==X} or {@code ===X} constraint that names a single release. */
    public static Optional<Version> pinnedVersion(String specifier) {
        if (specifier.contains(",") || specifier.contains("*")) {
            return Optional.empty();
        }
        if (specifier.startsWith("===")) {
            return Version.parse(specifier.substring(3));
        }
        if (specifier.startsWith("==")) {
            return Version.parse(specifier.substring(2));
        }
        return Optional.empty();
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }

    /** Resolves "a/../b" style paths inside the app; null when they leave it. */
    static String normalizePath(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
