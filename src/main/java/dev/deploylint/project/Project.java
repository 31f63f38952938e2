package dev.deploylint.project;

import dev.deploylint.source.FileContent;
import dev.deploylint.source.SourceFile;
import dev.deploylint.source.UnreadableFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The model of one app: its file listing, the text of the files rules ask for, and the typed
 * views built from them. Everything is loaded on first use and cached, so each file is read and
 * parsed once per app. A project is confined to the thread that lints it.
 */
public final class Project {

    /** Files larger than this are not read; a finding says so. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final Path root;
    private final String stack;
    private final Map<String, String> environment;
    private final Path realRoot;
    private final FileTree files;
    private final Map<String, FileContent> texts = new HashMap<>();
    private final Map<String, UnreadableFile> unreadable = new LinkedHashMap<>();
    private final Map<Object, Object> views = new HashMap<>();
    private final Map<String, String> overlay;

    private Project(Path root, String stack, Map<String, String> environment, Path realRoot, FileTree files,
                    Map<String, String> overlay) {
        this.overlay = Map.copyOf(overlay);
        this.root = root;
        this.stack = stack;
        this.environment = Map.copyOf(environment);
        this.realRoot = realRoot;
        this.files = files;
    }

    /** Lists the app at {@code root}, an existing directory, to be built on {@code stack}. */
    public static Project open(Path root, String stack) throws IOException {
        return open(root, stack, Map.of());
    }

    /** As {@link #open(Path, String)}, with config vars the user says the Heroku app has. */
    public static Project open(Path root, String stack, Map<String, String> environment) throws IOException {
        return open(root, stack, environment, FileTree.MAX_ENTRIES);
    }

    /** As {@link #open(Path, String, Map)}, listing at most {@code maxEntries} paths (tests of the cap use a small one). */
    public static Project open(Path root, String stack, Map<String, String> environment, int maxEntries) throws IOException {
        Path real = root.toRealPath();
        if (!Files.isDirectory(real)) {
            throw new IOException(root + " is not a directory");
        }
        return new Project(root, stack, environment, real, FileTree.list(real, maxEntries), Map.of());
    }

    /**
     * As {@link #open(Path, String, Map)}, reading the files in {@code overlay} (a path relative to
     * the app root, '/' separators, to its text) from it instead of the disk: an editor's unsaved
     * contents. Only files that exist on disk are overlaid; nothing is ever written.
     */
    public static Project open(Path root, String stack, Map<String, String> environment, Map<String, String> overlay)
            throws IOException {
        Path real = root.toRealPath();
        if (!Files.isDirectory(real)) {
            throw new IOException(root + " is not a directory");
        }
        return new Project(root, stack, environment, real, FileTree.list(real, FileTree.MAX_ENTRIES), overlay);
    }

    /** Config vars given on the command line ({@code --env NAME=VALUE}); empty when none. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The Heroku stack the app will be built on ({@code heroku-24}, ...). */
    public String stack() {
        return stack;
    }

    public Path root() {
        return root;
    }

    public FileTree files() {
        return files;
    }

    /**
     * The text of the file at {@code path}, or empty when it does not exist, is a folder, or cannot
     * be read as text; in the last case the reason is kept for {@link #unreadableFiles()}.
     * Symbolic links are followed only to targets inside the app.
     */
    public Optional<SourceFile> text(String path) {
        if (!files.isFile(path)) {
            return Optional.empty();
        }
        FileContent decoded = texts.computeIfAbsent(path, this::read);
        if (decoded instanceof UnreadableFile problem) {
            unreadable.putIfAbsent(path, problem);
            return Optional.empty();
        }
        return Optional.of((SourceFile) decoded);
    }

    private FileContent read(String path) {
        String unsaved = overlay.get(path);
        if (unsaved != null) {
            return SourceFile.of(path, unsaved);
        }
        Path file;
        try {
            file = realRoot.resolve(path);
        } catch (java.nio.file.InvalidPathException e) {
            // A name the JVM could not decode in this locale (no UTF-8 locale): unreadable, like any other.
            return new UnreadableFile(path, "has a name that cannot be decoded in this locale; run deploylint with a UTF-8 locale (LANG=C.UTF-8)");
        }
        try {
            boolean link = Files.isSymbolicLink(file);
            if (link && !Files.exists(file)) {
                return new UnreadableFile(path, "is a symbolic link to `" + Files.readSymbolicLink(file)
                        + "`, which does not exist, so the file is missing on Heroku too");
            }
            // A path below a followed link to a folder (FileTree) is checked like a link itself.
            Path target = file.toRealPath();
            if (!target.startsWith(realRoot)) {
                return new UnreadableFile(path, link ? "is a symbolic link to a file outside the app; it was not followed"
                        : "is inside a symbolic link to a folder outside the app; it was not followed");
            }
            file = target;
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return new UnreadableFile(path, "is not a regular file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                return new UnreadableFile(path, "is larger than " + (MAX_FILE_BYTES >> 20) + " MiB; it was not read");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            return SourceFile.decode(path, bytes);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return new UnreadableFile(path, "cannot be read (" + describe(e) + ")");
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemLoopException) {
            return "symbolic link loop";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Files a view asked for that could not be read as text, in the order they were met. */
    public List<UnreadableFile> unreadableFiles() {
        return new ArrayList<>(unreadable.values());
    }

    /**
     * The view identified by {@code key}, built by {@code loader} on first use. Views are how
     * parsed files are cached: each typed model class keeps one key.
     */
    @SuppressWarnings("unchecked")
    public <T> T view(Object key, Function<Project, T> loader) {
        Object cached = views.get(key);
        if (cached == null) {
            cached = loader.apply(this);
            views.put(key, cached);
        }
        return (T) cached;
    }
}
