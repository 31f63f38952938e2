package dev.deploylint.cli;

/** A command line that names something that does not exist; exit code 2. The message is one safe line. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(dev.deploylint.report.Sanitizer.clean(message));
    }
}
