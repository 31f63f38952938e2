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
    void withoutAnyAppNothingIsFound() throws IOException {
        file("README.md");
        file("package.json");
        assertEquals(List.of(), AppFinder.find(repo));
        assertEquals(AppFinder.Kind.NONE, AppFinder.kind(repo));
    }

    @Test
    void testDocsAndExampleFoldersAreNotSearched() throws IOException {
        file("tests/testproject/manage.py");
        file("docs/requirements.txt");
        file("examples/heroku/Procfile");
        file("fixtures/app/Procfile");
        assertEquals(List.of(), AppFinder.find(repo));
        assertEquals(List.of(repo.resolve("docs"), repo.resolve("examples/heroku"), repo.resolve("fixtures/app"),
                repo.resolve("tests/testproject")), AppFinder.findAnywhereBelow(repo));
        assertEquals(List.of(repo.resolve("examples/heroku")), AppFinder.find(repo.resolve("examples/heroku")));
    }

    @Test
    void aPyprojectWithAProjectTableIsALibrary() throws IOException {
        Files.writeString(repo.resolve("pyproject.toml"), "[build-system]\nrequires = [\"hatchling\"]\n\n[project]  # PEP 621\nname = \"lib\"\n");
        file("uv.lock");
        file("example/Procfile");
        assertEquals(AppFinder.Kind.LIBRARY, AppFinder.kind(repo));
        assertEquals(List.of(), AppFinder.find(repo));
        assertEquals("pyproject.toml has [project]", AppFinder.libraryMark(repo).orElseThrow());
    }

    @Test
    void setupPyOrSetupCfgMakeALibraryEvenWithARequirementsFile() throws IOException {
        file("setup.py");
        file("requirements.txt");
        assertEquals(AppFinder.Kind.LIBRARY, AppFinder.kind(repo));
        Files.delete(repo.resolve("setup.py"));
        file("setup.cfg");
        assertEquals(AppFinder.Kind.LIBRARY, AppFinder.kind(repo));
    }

    @Test
    void aPyprojectAppWithAProcfileIsStillAnApp() throws IOException {
        Files.writeString(repo.resolve("pyproject.toml"), "[project]\nname = \"site\"\n");
        file("uv.lock");
        file("Procfile");
        assertEquals(AppFinder.Kind.APP, AppFinder.kind(repo));
        assertEquals(List.of(repo), AppFinder.find(repo));
    }

    @Test
    void aPoetryPyprojectWithoutAProjectTableIsAnApp() throws IOException {
        Files.writeString(repo.resolve("pyproject.toml"), "[tool.poetry]\nname = \"site\"\n# [project] is not used\n");
        assertEquals(AppFinder.Kind.APP, AppFinder.kind(repo));
    }

    @Test
    void librariesInsideAMonorepoAreNotApps() throws IOException {
        file("services/api/Procfile");
        file("libs/shared/setup.py");
        file("libs/shared/requirements.txt");
        assertEquals(List.of(repo.resolve("services/api")), AppFinder.find(repo));
    }

    @Test
    void theEnclosingAppIsFoundUpwardsWithinTheGitRepository() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        file("Procfile");
        file("mysite/settings.py");
        AppFinder.Enclosing found = AppFinder.enclosing(repo.resolve("mysite")).orElseThrow();
        assertEquals(repo, found.folder());
        assertEquals(AppFinder.Kind.APP, found.kind());
    }

    @Test
    void theUpwardSearchStopsAtTheGitTopLevel() throws IOException {
        file("Procfile");
        Files.createDirectories(repo.resolve("sub/.git"));
        file("sub/pkg/module.py");
        assertEquals(java.util.Optional.empty(), AppFinder.enclosing(repo.resolve("sub/pkg")));
    }
}
