package dev.deploylint.project;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** The top of the git working tree holding a path: the nearest folder at or above it with a {@code .git} (a folder, or a worktree's file). */
public final class GitRoot {

    private GitRoot() {
    }

    public static Optional<Path> above(Path path) {
        for (Path dir = path.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
