package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppFinderTest {

    @TempDir
    Path repo;

    private void file(String path) throws IOException {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), "");
    }

    @Test
    void findsEveryAppBelowAFolderThatIsNotOne() throws IOException {
        file("services/api/Procfile");
        file("services/api/backend/manage.py");
        file("services/web/requirements.txt");
        file("docs/index.md");
        file("node_modules/pkg/requirements.txt");
        file(".venv/lib/pyproject.toml");
        assertEquals(List.of(repo.resolve("services/api"), repo.resolve("services/web")), AppFinder.find(repo));
    }

    @Test
    void aFolderThatIsAnAppIsTheOnlyApp() throws IOException {
        file("Procfile");
        file("other/requirements.txt");
        assertEquals(List.of(repo), AppFinder.find(repo));
    }

    @Test
    void withoutAnyAppTheFolderItselfIsLinted() throws IOException {
        file("README.md");
        assertEquals(List.of(repo), AppFinder.find(repo));
    }
}
