package dev.deploylint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version Maven wrote into the jar. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The deploylint version, e.g. {@code 0.1.0}; "unknown" when run outside a build. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/deploylint/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"deploylint " + version()};
    }
}
