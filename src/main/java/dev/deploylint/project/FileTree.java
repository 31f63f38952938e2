package dev.deploylint.project;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files and folders of one app, listed once without following symbolic links. Paths are
 * relative to the app root with '/' separators. Version-control metadata and installed Node.js
 * packages are not descended into.
 */
public final class FileTree {

    /** What a path in the app is. */
    public enum Kind { FILE, DIRECTORY, SYMLINK, OTHER }

    static final int MAX_ENTRIES = 200_000;
    private static final List<String> SKIPPED = List.of(".git", ".hg", ".svn", "node_modules");

    private final Map<String, Kind> entries;
    private final List<String> unlisted;
    private final Path root;
    private final boolean truncated;
    private final int cap;
    private final Map<String, Kind> lookedUp = new java.util.HashMap<>();

    private FileTree(Map<String, Kind> entries, List<String> unlisted, Path root, boolean truncated, int cap) {
        this.entries = Collections.unmodifiableMap(entries);
        this.unlisted = List.copyOf(unlisted);
        this.root = root;
        this.truncated = truncated;
        this.cap = cap;
    }

    static FileTree list(Path root) throws IOException {
        return list(root, MAX_ENTRIES);
    }

    /** Links to folders inside the app followed within one listing, at most: each is listed under the link's path. */
    static final int MAX_FOLLOWED_LINKS = 64;

    /** Lists at most {@code maxEntries} paths; past that, paths asked for by name are looked up on disk. */
    static FileTree list(Path root, int maxEntries) throws IOException {
        Map<String, Kind> entries = new TreeMap<>();
        List<String> unlisted = new ArrayList<>();
        List<String> links = new ArrayList<>();
        walk(root, "", entries, unlisted, links, maxEntries);
        // A link to a folder inside the app resolves on Heroku too (git stores the link): list what
        // it holds under the link's path, so `mysite -> src/mysite` is not a missing module. Links
        // out of the app, to an ancestor of themselves (a loop) or past the limit are left as links.
        int followed = 0;
        for (int i = 0; i < links.size() && followed < MAX_FOLLOWED_LINKS && entries.size() < maxEntries; i++) {
            String link = links.get(i);
            Path target;
            try {
                target = root.resolve(link).toRealPath();
            } catch (IOException | SecurityException e) {
                continue;
            }
            Path linkFolder = root.resolve(link).getParent().toRealPath();
            if (!target.startsWith(root) || target.equals(root) || linkFolder.startsWith(target) || !Files.isDirectory(target)) {
                continue;
            }
            followed++;
            entries.put(link, Kind.DIRECTORY);
            walk(target, link + "/", entries, unlisted, links, maxEntries);
        }
        return new FileTree(entries, unlisted, root, entries.size() >= maxEntries, maxEntries);
    }

    /** Lists {@code folder} without following links, its paths prefixed by {@code prefix}; links met are added to {@code links}. */
    private static void walk(Path folder, String prefix, Map<String, Kind> entries, List<String> unlisted, List<String> links,
                             int maxEntries) throws IOException {
        Path root = folder;
        Files.walkFileTree(root, new FileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = relative(dir);
                entries.put(rel, Kind.DIRECTORY);
                boolean skip = SKIPPED.contains(dir.getFileName().toString());
                return skip || entries.size() >= maxEntries ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (entries.size() >= maxEntries) {
                    return FileVisitResult.SKIP_SIBLINGS;
                }
                Kind kind = attrs.isSymbolicLink() ? Kind.SYMLINK
                        : attrs.isRegularFile() ? Kind.FILE
                        : attrs.isDirectory() ? Kind.DIRECTORY : Kind.OTHER;
                String rel = relative(file);
                entries.put(rel, kind);
                if (kind == Kind.SYMLINK) {
                    links.add(rel);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                unlisted.add(relative(file));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                if (exc != null) {
                    unlisted.add(relative(dir));
                }
                return FileVisitResult.CONTINUE;
            }

            private String relative(Path path) {
                return prefix + root.relativize(path).toString().replace('\\', '/');
            }
        });
    }

    /** Every listed path with its kind, in path order. */
    public Map<String, Kind> entries() {
        return entries;
    }

    /**
     * What {@code path} is, or null when it does not exist. When the listing stopped at its cap, a
     * path it does not hold is looked up on disk, so a large data folder cannot hide the root's
     * package.json or the settings module.
     */
    public Kind kind(String path) {
        Kind kind = entries.get(path);
        if (kind != null || !truncated || path.isEmpty() || path.startsWith("/") || ("/" + path + "/").contains("/../")) {
            return kind;
        }
        return lookedUp.computeIfAbsent(path, this::lookUp);
    }

    private Kind lookUp(String path) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(root.resolve(path), BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return attrs.isSymbolicLink() ? Kind.SYMLINK : attrs.isRegularFile() ? Kind.FILE : attrs.isDirectory() ? Kind.DIRECTORY : Kind.OTHER;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public boolean isFile(String path) {
        Kind kind = kind(path);
        return kind == Kind.FILE || kind == Kind.SYMLINK;
    }

    public boolean isDirectory(String path) {
        return kind(path) == Kind.DIRECTORY;
    }

    /** True when the path exists as anything (file, folder, link). */
    public boolean exists(String path) {
        return kind(path) != null;
    }

    /** Whether the folder {@code path} holds a file (not only folders) at any depth; looked up on disk past the cap. */
    public boolean hasFilesUnder(String path) {
        String prefix = path + "/";
        boolean listed = entries.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix) && e.getValue() != Kind.DIRECTORY);
        if (listed || !truncated || kind(path) != Kind.DIRECTORY) {
            return listed;
        }
        try (java.util.stream.Stream<Path> found = Files.find(root.resolve(path), 64, (file, attrs) -> !attrs.isDirectory())) {
            return found.findAny().isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** How many paths a listing holds at most. */
    public int cap() {
        return cap;
    }

    /** True when the listing stopped at its cap: {@link #entries()} holds only part of the app. */
    public boolean truncated() {
        return truncated;
    }

    /** The names directly in the app root; read from the root itself when the listing stopped at its cap. */
    public List<String> rootNames() {
        if (truncated) {
            try (java.util.stream.Stream<Path> names = Files.list(root)) {
                return names.map(p -> p.getFileName().toString()).sorted().limit(MAX_ENTRIES).toList();
            } catch (IOException | RuntimeException e) {
                // fall back to what was listed
            }
        }
        return entries.keySet().stream().filter(p -> p.indexOf('/') < 0).toList();
    }

    /** Paths that could not be listed (permission denied, vanished while listing). */
    public List<String> unlisted() {
        return unlisted;
    }

    /** Files whose path ends with {@code /name} or equals it, shallowest first. */
    public List<String> filesNamed(String name) {
        return entries.entrySet().stream()
                .filter(e -> e.getValue() != Kind.DIRECTORY)
                .map(Map.Entry::getKey)
                .filter(p -> p.equals(name) || p.endsWith("/" + name))
                .sorted((a, b) -> Long.compare(depth(a), depth(b)) != 0 ? Long.compare(depth(a), depth(b)) : a.compareTo(b))
                .toList();
    }

    public static long depth(String path) {
        return path.chars().filter(c -> c == '/').count();
    }
}
