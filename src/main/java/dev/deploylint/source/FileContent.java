package dev.deploylint.source;

/** The outcome of reading a file of an app: its text, or the reason it is not text. */
public sealed interface FileContent permits SourceFile, UnreadableFile {

    String path();
}
