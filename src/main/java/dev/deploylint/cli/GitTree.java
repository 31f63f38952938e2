package dev.deploylint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files of one commit, or of the index, written to a temporary folder without touching the
 * working tree or the index: what a push or a commit really sends. git's own plumbing does it,
 * with a private index file ({@code read-tree} then {@code checkout-index}).
 */
final class GitTree implements AutoCloseable {

    private final Path topLevel;
    private final Path folder;
    private final Path tree;

    private GitTree(Path topLevel, Path folder) {
        this.topLevel = topLevel;
        this.folder = folder;
        this.tree = folder.resolve("tree");
    }

    /** The tree of commit {@code rev} of the repository holding {@code inside}. */
    static GitTree ofRevision(Path inside, String rev) throws IOException {
        Path topLevel = topLevel(inside);
        String commit = git(topLevel, Map.of(), "rev-parse", "--verify", "--quiet", rev + "^{commit}")
                .orElseThrow(() -> new UsageException("--rev " + rev + " is not a commit of the repository at " + topLevel));
        GitTree exported = new GitTree(topLevel, Files.createTempDirectory("deploylint-rev-"));
        Map<String, String> privateIndex = Map.of("GIT_INDEX_FILE", exported.folder.resolve("index").toString());
        exported.checkout(privateIndex, "read-tree", commit.strip());
        return exported;
    }

    /** The staged files (the index) of the repository holding {@code inside}. */
    static GitTree ofIndex(Path inside) throws IOException {
        GitTree exported = new GitTree(topLevel(inside), Files.createTempDirectory("deploylint-staged-"));
        exported.checkout(Map.of());
        return exported;
    }

    private void checkout(Map<String, String> environment, String... prepare) throws IOException {
        try {
            if (prepare.length > 0) {
                git(topLevel, environment, prepare).orElseThrow(() -> new IOException("git " + String.join(" ", prepare) + " failed"));
            }
            Files.createDirectories(tree);
            git(topLevel, environment, "checkout-index", "--all", "--prefix=" + tree + "/")
                    .orElseThrow(() -> new IOException("git checkout-index failed"));
            // Stops the search for .deploylint.yml at the exported tree, as the repository's .git would.
            Files.createDirectories(tree.resolve(".git"));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Where {@code path} (a folder of the working tree) is in the exported tree. */
    Path map(Path path) throws IOException {
        Path relative = topLevel.relativize(path.toAbsolutePath().normalize().toRealPath());
        if (relative.startsWith("..")) {
            throw new UsageException(path + " is outside the git repository at " + topLevel);
        }
        return tree.resolve(relative.toString()).normalize();
    }

    private static Path topLevel(Path inside) throws IOException {
        Path dir = inside.toAbsolutePath().normalize();
        String top = git(dir, Map.of(), "rev-parse", "--show-toplevel")
                .orElseThrow(() -> new UsageException(inside + " is not inside a git working tree; --rev and --staged need one"));
        return Path.of(top.strip()).toRealPath();
    }

    /** Runs git in {@code dir}; its standard output when it succeeds. */
    static java.util.Optional<String> git(Path dir, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UsageException("git is not installed or not on PATH: " + e.getMessage());
        }
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? java.util.Optional.of(output) : java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git", e);
        }
    }

    /** Deletes the exported files; links are removed, never followed. */
    @Override
    public void close() throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
