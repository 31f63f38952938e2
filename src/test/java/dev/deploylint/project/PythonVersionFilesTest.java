package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonVersionFilesTest {

    @TempDir
    Path app;

    private PythonVersionFiles load() throws IOException {
        return PythonVersionFiles.of(Project.open(app, "heroku-24"));
    }

    @Test
    void runtimeTxtWinsOverPythonVersion() throws IOException {
        Files.writeString(app.resolve("runtime.txt"), "# comment\n  python-3.13  \n");
        Files.writeString(app.resolve(".python-version"), "3.9\n");
        PythonVersionFiles files = load();
        assertEquals("3.13", files.requested().orElseThrow().text());
        assertEquals(new Location("runtime.txt", 2, 10), files.requested().orElseThrow().at());
    }

    @Test
    void acceptsTheBuildpackGrammarOnly() throws IOException {
        for (String good : new String[] {"3.12", "3.12.1", "3.0", "# c\r\n3.14\r\n"}) {
            Files.writeString(app.resolve(".python-version"), good);
            assertTrue(load().invalid().isEmpty(), good);
        }
        for (String bad : new String[] {"3", "3.09", "3.12.1rc1", "^3.12", "python-3.12", "3.12 # inline", "", "#only\n", "3.12\n3.13\n", "\uFEFF3.12"}) {
            Files.writeString(app.resolve(".python-version"), bad);
            assertEquals(1, load().invalid().size(), bad);
        }
    }

    @Test
    void pipfileLockVersionCountsOnlyForPipenv() throws IOException {
        Files.writeString(app.resolve("Pipfile"), "[packages]\n");
        Files.writeString(app.resolve("Pipfile.lock"), "{\"_meta\": {\"requires\": {\"python_full_version\": \"3.10.0\", \"python_version\": \"3.12\"}}, \"default\": {}}");
        assertEquals("3.10.0", load().requested().orElseThrow().text());
        Files.writeString(app.resolve("requirements.txt"), "django\n");
        assertTrue(load().requested().isEmpty(), "two managers: the build fails before choosing a version");
    }

    @Test
    void listsVersionFilesInSubfoldersButNotInVirtualenvs() throws IOException {
        Files.createDirectories(app.resolve("backend/api"));
        Files.createDirectories(app.resolve(".venv/lib"));
        Files.createDirectories(app.resolve("docs"));
        Files.writeString(app.resolve("backend/api/runtime.txt"), "python-3.12\n");
        Files.writeString(app.resolve("backend/.python-version"), "3.12\n");
        Files.writeString(app.resolve(".venv/lib/.python-version"), "3.12\n");
        Files.writeString(app.resolve("docs/runtime.txt"), "sphinx\n");
        Files.writeString(app.resolve("requirements.txt"), "django\n");
        Project project = Project.open(app, "heroku-24");
        assertEquals(java.util.List.of("backend/.python-version", "backend/api/runtime.txt"),
                PythonVersionFiles.of(project).inSubfolders(project));
    }
}
