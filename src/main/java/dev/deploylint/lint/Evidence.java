package dev.deploylint.lint;

import dev.deploylint.project.Location;

/** A place that supports a finding, such as the line that pins a package version. */
public record Evidence(Location location, String message) {
}
