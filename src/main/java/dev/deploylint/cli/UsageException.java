package dev.deploylint.cli;

/** A command line that names something that does not exist; exit code 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
