package dev.deploylint.lint;

import dev.deploylint.source.Location;

/** A place that supports a finding, such as the line that pins a package version. */
public record Evidence(Location location, String message) {
}
