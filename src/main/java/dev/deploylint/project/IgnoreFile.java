package dev.deploylint.project;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The patterns of a gitignore-style file at the app root ({@code .slugignore}, {@code .gitignore}),
 * each with its location. Blank lines and {@code #} comments are skipped, trailing spaces trimmed.
 * A pattern with a '/' before its end is anchored to the root, otherwise it matches a name at any
 * depth; a trailing '/' matches folders only; a match of a folder covers everything in it.
 */
public record IgnoreFile(String path, List<Pattern> patterns) {

    public static final String SLUGIGNORE = ".slugignore";
    public static final String GITIGNORE = ".gitignore";

    /** One pattern line; {@code negated} when it starts with '!' ({@code text} keeps the '!'). */
    public record Pattern(String text, Location at, boolean negated) {

        /** True when this pattern, ignoring negation, matches {@code file} (a path relative to the root) or a folder above it. */
        public boolean matchesFile(String file) {
            String glob = negated ? text.substring(1) : text;
            boolean folderOnly = glob.endsWith("/");
            if (folderOnly) {
                glob = glob.substring(0, glob.length() - 1);
            }
            if (glob.isEmpty()) {
                return false;
            }
            boolean anchored = glob.indexOf('/') >= 0;
            if (glob.startsWith("/")) {
                glob = glob.substring(1);
            }
            String[] parts = file.split("/");
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    prefix.append('/');
                }
                prefix.append(parts[i]);
                boolean folder = i < parts.length - 1;
                if (folderOnly && !folder) {
                    continue;
                }
                if (anchored ? Glob.matches(glob, prefix.toString()) : Glob.matches(glob, parts[i])) {
                    return true;
                }
            }
            return false;
        }

        /**
         * True when this pattern, ignoring negation, matches {@code path} itself, as git matches the
         * patterns of a .gitignore: {@code path} is relative to the folder of the ignore file and
         * {@code directory} says whether it is a folder.
         */
        public boolean matches(String path, boolean directory) {
            String glob = negated ? text.substring(1) : text;
            if (glob.endsWith("/")) {
                if (!directory) {
                    return false;
                }
                glob = glob.substring(0, glob.length() - 1);
            }
            if (glob.isEmpty()) {
                return false;
            }
            if (glob.indexOf('/') < 0) {
                return Glob.matches(glob, path.substring(path.lastIndexOf('/') + 1));
            }
            return Glob.matches(glob.startsWith("/") ? glob.substring(1) : glob, path);
        }
    }

    /**
     * git's verdict on {@code path} (relative to this file's folder) from this file alone: the last
     * matching pattern decides, so TRUE when it ignores, FALSE when a negation re-includes, empty
     * when no pattern matches.
     */
    public Optional<Boolean> verdict(String path, boolean directory) {
        for (int i = patterns.size() - 1; i >= 0; i--) {
            Pattern pattern = patterns.get(i);
            if (pattern.matches(path, directory)) {
                return Optional.of(!pattern.negated());
            }
        }
        return Optional.empty();
    }

    /**
     * True when the .gitignore files of the app keep {@code file} (a path relative to the app root)
     * out of the repository, as git decides (gitignore(5)): a .gitignore in a deeper folder overrides
     * one above it, and nothing inside an ignored folder can be re-included. Ignore files outside the
     * app, {@code .git/info/exclude} and global excludes are not read.
     */
    public static boolean ignoredByGit(Project project, String file) {
        String[] parts = file.split("/");
        for (int level = 0; level < parts.length; level++) {
            boolean directory = level < parts.length - 1;
            for (int folder = level; folder >= 0; folder--) {
                String dir = String.join("/", java.util.Arrays.copyOfRange(parts, 0, folder));
                String relative = String.join("/", java.util.Arrays.copyOfRange(parts, folder, level + 1));
                Optional<Boolean> verdict = of(project, dir.isEmpty() ? GITIGNORE : dir + "/" + GITIGNORE)
                        .flatMap(ignore -> ignore.verdict(relative, directory));
                if (verdict.isPresent()) {
                    if (verdict.get()) {
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
    }

    /** The file at {@code path}, when it exists and can be read. */
    public static Optional<IgnoreFile> of(Project project, String path) {
        return project.view(new Key(path), p -> p.text(path).map(IgnoreFile::parse));
    }

    private record Key(String path) {
    }

    public static IgnoreFile parse(SourceFile file) {
        List<Pattern> patterns = new ArrayList<>();
        for (int n = 1; n <= file.lineCount(); n++) {
            String line = file.line(n);
            String text = stripTrailingSpaces(line);
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            patterns.add(new Pattern(text, file.at(n, 0), text.startsWith("!")));
        }
        return new IgnoreFile(file.path(), List.copyOf(patterns));
    }

    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')
                && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        return line.substring(0, end);
    }

    /** The first pattern that is not negated and removes {@code file}. */
    public Optional<Pattern> firstRemoving(String file) {
        return patterns.stream().filter(p -> !p.negated() && p.matchesFile(file)).findFirst();
    }
}
