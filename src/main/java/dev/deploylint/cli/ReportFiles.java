package dev.deploylint.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes reports, baselines and the job summary without ever writing through a symbolic link: a
 * pull request can commit {@code deploylint.sarif} as a link to {@code ~/.bashrc}.
 */
final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * Writes {@code text} to a new temporary file in {@code file}'s folder and renames it over
     * {@code file}: the rename replaces a link instead of following it, and a reader never sees
     * half a report.
     */
    static void replace(Path file, CharSequence text) throws IOException {
        replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #replace(Path, CharSequence)}, with the bytes to write (files that {@code deploylint fix} edits). */
    static void replace(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            // CREATE_NEW and NOFOLLOW_LINKS: the temporary name cannot be a link planted in advance.
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                out.write(bytes);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Appends {@code text} to {@code file}, which must be a regular file or absent; a link is refused. */
    static void append(Path file, CharSequence text) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new UsageException(file + " is a symbolic link; deploylint appends only to a regular file");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(file + " is not a regular file; deploylint appends only to a regular file");
        }
        try {
            // NOFOLLOW_LINKS also closes the gap between the check above and the open.
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(file)) {
                throw new UsageException(file + " is a symbolic link; deploylint appends only to a regular file");
            }
            throw e;
        }
    }
}
