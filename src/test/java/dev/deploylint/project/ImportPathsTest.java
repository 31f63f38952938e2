package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPathsTest {

    @TempDir
    Path app;

    private void write(String path, String text) throws IOException {
        Files.createDirectories(app.resolve(path).getParent());
        Files.writeString(app.resolve(path), text);
    }

    @BeforeEach
    void djangoApp() throws IOException {
        write("backend/manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
        write("backend/mysite/__init__.py", "");
        write("backend/mysite/settings.py", "DEBUG = False\n");
        write("backend/blog/__init__.py", "");
        write("backend/blog/apps.py", "");
        write("backend/blog/middleware/__init__.py", "");
        write("backend/single.py", "");
        write("apps/polls/models.py", "");
        write("backend/fast/speedups.cpython-312-x86_64-linux-gnu.so", "");
        write("Procfile", "web: gunicorn --chdir backend mysite.wsgi\n");
    }

    private ImportPaths paths() throws IOException {
        return ImportPaths.of(Project.open(app, "heroku-24", Map.of()));
    }

    @Test
    void rootsAreManagePysFolderTheAppRootAndTheServersFolders() throws IOException {
        assertEquals(List.of("backend", ""), paths().roots());
    }

    @Test
    void appModulesAreRegularModulesUnderTheRoots() throws IOException {
        ImportPaths paths = paths();
        assertTrue(paths.isAppModule("blog"));
        assertTrue(paths.isAppModule("single"));
        assertFalse(paths.isAppModule("polls"), "apps/ is not a root");
        assertFalse(paths.isAppModule("fast"), "a folder without __init__.py is a namespace package an installed one beats");
        assertTrue(paths.appearsAnywhere("polls"));
        assertFalse(paths.appearsAnywhere("rest_framework"));
    }

    @Test
    void aModuleExistsWhenSomePlaceOfItsTopLevelNameHasIt() throws IOException {
        ImportPaths paths = paths();
        assertTrue(paths.exists("blog.apps"));
        assertTrue(paths.exists("blog.middleware"));
        assertTrue(paths.exists("polls.models"));
        assertTrue(paths.exists("fast.speedups"), "an extension module with a platform tag");
        assertFalse(paths.exists("blog.views"));
        assertFalse(paths.exists("blog.apps.BlogConfig"), "a module file is no package");
        assertFalse(paths.exists("single.thing"));
        assertTrue(paths.complete());
    }

    @Test
    void aGitSubmoduleMakesTheListingIncomplete() throws IOException {
        write(".gitmodules", "[submodule \"vendor\"]\n\tpath = vendor\n");
        assertFalse(paths().complete());
    }
}
