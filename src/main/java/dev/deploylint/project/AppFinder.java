package dev.deploylint.project;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the deployable apps at or below a folder: a folder holding a Procfile, app.json,
 * heroku.yml, a Python package-manager or version file, or manage.py is an app, and the search
 * does not descend into it. A folder that is an app itself is the only app found.
 */
public final class AppFinder {

    /** Files whose presence makes a folder an app Heroku could deploy. */
    public static final List<String> MARKERS = List.of(
            "Procfile", "app.json", "heroku.yml", "requirements.txt", "Pipfile", "Pipfile.lock", "pyproject.toml",
            "poetry.lock", "uv.lock", "setup.py", "runtime.txt", ".python-version", "manage.py");

    private static final Set<String> SKIPPED = Set.of("node_modules", "venv", "__pycache__", "site-packages", "staticfiles");
    private static final int MAX_DEPTH = 8;

    private AppFinder() {
    }

    /** The app folders at or below {@code root}, in path order; {@code root} itself when none is found. */
    public static List<Path> find(Path root) throws IOException {
        if (isApp(root)) {
            return List.of(root);
        }
        List<Path> apps = new ArrayList<>();
        Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = dir.getFileName().toString();
                if (name.startsWith(".") || SKIPPED.contains(name)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (isApp(dir)) {
                    apps.add(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        apps.sort(null);
        return apps.isEmpty() ? List.of(root) : apps;
    }

    private static boolean isApp(Path dir) {
        return MARKERS.stream().anyMatch(marker -> Files.exists(dir.resolve(marker), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }
}
