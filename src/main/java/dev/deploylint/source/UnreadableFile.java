package dev.deploylint.source;

/**
 * A file that exists but cannot be read as text; {@code reason} completes "&lt;path&gt; ...".
 * {@code buildFails} is true only when the build's own tool for the file (pip for the root
 * requirements.txt, the buildpack for the Python version files) certainly fails on it too.
 */
public record UnreadableFile(String path, String reason, boolean buildFails) implements FileContent {

    /** A file deploylint cannot read, which does not by itself mean the build fails. */
    public UnreadableFile(String path, String reason) {
        this(path, reason, false);
    }
}
