package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementsTest {

    @TempDir
    Path app;

    private Requirements load(String text) throws IOException {
        Files.writeString(app.resolve("requirements.txt"), text);
        return Requirements.of(Project.open(app, "heroku-24")).orElseThrow();
    }

    @Test
    void normalisesNamesAndReadsPins() throws IOException {
        Requirements requirements = load("Django==1.9.4  # the web framework\ndj_database_url>=0.4\n"
                + "psycopg[binary] == 3.2.9 ; python_version >= \"3.8\"\nWhiteNoise===2.0.6\n");
        assertEquals(List.of("django", "dj-database-url", "psycopg", "whitenoise"),
                requirements.dependencies().stream().map(Dependency::name).toList());
        assertEquals("1.9.4", requirements.dependencies().get(0).pinned().orElseThrow().toString());
        assertTrue(requirements.dependencies().get(1).pinned().isEmpty());
        assertEquals(">=0.4", requirements.dependencies().get(1).specifier());
        assertEquals("3.2.9", requirements.dependencies().get(2).pinned().orElseThrow().toString());
        assertEquals(new Location("requirements.txt", 3, 1), requirements.dependencies().get(2).at());
        assertEquals("python_version >= \"3.8\"", requirements.dependencies().get(2).marker());
        assertEquals("", requirements.dependencies().get(0).marker());
    }

    @Test
    void followsIncludesAndContinuations() throws IOException {
        Files.createDirectories(app.resolve("req"));
        Files.writeString(app.resolve("req/base.txt"), "gunicorn==23.0.0 \\\n    --hash=sha256:abc\n");
        Requirements requirements = load("-r req/base.txt\n--requirement missing.txt\n-e git+https://x/y.git#egg=My_Pkg\n");
        assertEquals(List.of("gunicorn", "my-pkg"), requirements.dependencies().stream().map(Dependency::name).toList());
        assertEquals("req/base.txt", requirements.dependencies().get(0).at().path());
        assertEquals(List.of("missing.txt"), requirements.missingIncludes().stream().map(Requirements.MissingInclude::path).toList());
        assertFalse(requirements.unnamedInstalls());
    }

    @Test
    void localInstallsMakeTheListIncomplete() throws IOException {
        assertTrue(load("-e .\n").unnamedInstalls());
        assertTrue(load("./vendor/pkg.tar.gz\n").unnamedInstalls());
    }

    @Test
    void includeCyclesTerminate() throws IOException {
        Files.writeString(app.resolve("a.txt"), "-r requirements.txt\nflask\n");
        assertEquals(List.of("flask"), load("-r a.txt\n").dependencies().stream().map(Dependency::name).toList());
    }
}
