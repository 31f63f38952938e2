package dev.deploylint.config;

/** A configuration file that is invalid; the message names the file, line and column. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
