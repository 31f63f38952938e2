package dev.deploylint.project;

/** A file that exists but cannot be read as text; {@code reason} completes "&lt;path&gt; ...". */
public record UnreadableFile(String path, String reason) implements FileContent {
}
