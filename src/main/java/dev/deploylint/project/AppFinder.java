package dev.deploylint.project;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the deployable apps at, below or above a folder. A folder is an app when it holds a file
 * that says "deploy me" ({@link #APP_FILES}) or, failing that, a Python package-manager or version
 * file the Heroku Python buildpack detects ({@link #PYTHON_FILES}), unless it is a pip library: a
 * {@code pyproject.toml} with a {@code [project]} table, or a {@code setup.py}/{@code setup.cfg},
 * with none of the app files. The search does not descend into an app or a library, nor into
 * hidden, dependency or {@linkplain #NOT_SEARCHED test, docs and example} folders below the
 * starting folder.
 */
public final class AppFinder {

    /** Files that make a folder an app even when it also looks like a library. */
    public static final List<String> APP_FILES = List.of("Procfile", "app.json", "heroku.yml", "manage.py");

    /** Python package-manager and version files the buildpack detects; an app unless the folder is a library. */
    public static final List<String> PYTHON_FILES = List.of(
            "requirements.txt", "Pipfile", "Pipfile.lock", "pyproject.toml", "poetry.lock", "uv.lock",
            "runtime.txt", ".python-version");

    /** Every file the search looks for, in the order messages name them. */
    public static final List<String> MARKERS = java.util.stream.Stream.concat(APP_FILES.stream(), PYTHON_FILES.stream()).toList();

    /** Folders that hold test projects, documentation or examples, never searched unless the user names them. */
    public static final Set<String> NOT_SEARCHED = Set.of("test", "tests", "testing", "docs", "doc", "examples", "example", "fixtures");

    private static final Set<String> SKIPPED = Set.of("node_modules", "venv", "__pycache__", "site-packages", "staticfiles");
    private static final int MAX_DEPTH = 8;
    private static final Path HOME = Path.of(System.getProperty("user.home", "/")).toAbsolutePath().normalize();
    private static final long MAX_PYPROJECT_BYTES = 1 << 20;
    private static final Pattern PROJECT_TABLE = Pattern.compile("(?m)^[ \\t]*\\[[ \\t]*project[ \\t]*\\][ \\t]*(#.*)?$");

    /** What a single folder is, judged by the files at its top level. */
    public enum Kind { APP, LIBRARY, NONE }

    /** A folder found above the starting one and what it is (an app or a library, never {@code NONE}). */
    public record Enclosing(Path folder, Kind kind) {
    }

    private AppFinder() {
    }

    /**
     * The app folders at or below {@code root}, in path order: {@code root} alone when it is an app,
     * none when it is a library or holds no app outside the folders the search skips.
     */
    public static List<Path> find(Path root) throws IOException {
        return switch (kind(root)) {
            case APP -> List.of(root);
            case LIBRARY -> List.of();
            case NONE -> below(root, true);
        };
    }

    /** The apps below {@code root} including those in test, docs and example folders, for hints. */
    public static List<Path> findAnywhereBelow(Path root) throws IOException {
        return below(root, false);
    }

    /**
     * The nearest folder above {@code start} that is an app or a library, the way git and ruff find
     * their root: never above the folder holding {@code .git}, nor at the filesystem root or the user's
     * home folder (a {@code .python-version} or {@code requirements.txt} there is no app). The folder
     * is relative to the working folder when {@code start} is relative.
     */
    public static Optional<Enclosing> enclosing(Path start) {
        Path folder = start.toAbsolutePath().normalize();
        Path workingFolder = Path.of("").toAbsolutePath();
        while (!Files.exists(folder.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            folder = folder.getParent();
            if (folder == null || folder.getParent() == null || folder.equals(HOME)) {
                return Optional.empty();
            }
            Kind kind = kind(folder);
            if (kind != Kind.NONE) {
                Path relative = workingFolder.relativize(folder);
                return Optional.of(new Enclosing(start.isAbsolute() ? folder : relative.toString().isEmpty() ? Path.of(".") : relative, kind));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code dir} is an app, a pip library or neither, from its top-level files. */
    public static Kind kind(Path dir) {
        if (APP_FILES.stream().anyMatch(name -> exists(dir, name))) {
            return Kind.APP;
        }
        if (libraryMark(dir).isPresent()) {
            return Kind.LIBRARY;
        }
        return PYTHON_FILES.stream().anyMatch(name -> exists(dir, name)) ? Kind.APP : Kind.NONE;
    }

    /**
     * What makes {@code dir} look like a pip library, for messages: {@code pyproject.toml has [project]},
     * {@code setup.py} or {@code setup.cfg}; empty when none does. Says nothing about app files.
     */
    public static Optional<String> libraryMark(Path dir) {
        if (declaresProject(dir.resolve("pyproject.toml"))) {
            return Optional.of("pyproject.toml has [project]");
        }
        return java.util.stream.Stream.of("setup.py", "setup.cfg").filter(name -> exists(dir, name)).findFirst();
    }

    private static List<Path> below(Path root, boolean skipNotSearched) throws IOException {
        List<Path> apps = new ArrayList<>();
        Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = dir.getFileName().toString();
                if (name.startsWith(".") || SKIPPED.contains(name) || (skipNotSearched && NOT_SEARCHED.contains(name))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return switch (kind(dir)) {
                    case APP -> {
                        apps.add(dir);
                        yield FileVisitResult.SKIP_SUBTREE;
                    }
                    case LIBRARY -> FileVisitResult.SKIP_SUBTREE;
                    case NONE -> FileVisitResult.CONTINUE;
                };
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        apps.sort(null);
        return apps;
    }

    private static boolean exists(Path dir, String name) {
        return Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    /** True when the file declares a PEP 621 {@code [project]} table, the mark of an installable package. */
    private static boolean declaresProject(Path pyproject) {
        try {
            if (!Files.isRegularFile(pyproject, LinkOption.NOFOLLOW_LINKS) || Files.size(pyproject) > MAX_PYPROJECT_BYTES) {
                return false;
            }
            String text = new String(Files.readAllBytes(pyproject), java.nio.charset.StandardCharsets.UTF_8);
            return PROJECT_TABLE.matcher(text).find();
        } catch (IOException e) {
            return false;
        }
    }
}
