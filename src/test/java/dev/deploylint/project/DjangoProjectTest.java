package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjangoProjectTest {

    @TempDir
    Path app;

    @BeforeEach
    void djangoApp() throws IOException {
        Files.createDirectories(app.resolve("backend/mysite/settings"));
        Files.writeString(app.resolve("backend/manage.py"),
                "import os\n\ndef main():\n    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.dev')\n");
        Files.writeString(app.resolve("backend/mysite/__init__.py"), "");
        Files.writeString(app.resolve("backend/mysite/settings/__init__.py"), "");
        Files.writeString(app.resolve("backend/mysite/settings/dev.py"), "DEBUG = True\n");
        Files.writeString(app.resolve("backend/mysite/settings/prod.py"), "DEBUG = False\n");
    }

    private DjangoProject django(Map<String, String> env) throws IOException {
        return DjangoProject.of(Project.open(app, "heroku-24", env));
    }

    @Test
    void managePyNamesTheSettingsAndModulesResolveFromItsFolder() throws IOException {
        DjangoProject django = django(Map.of());
        assertEquals("backend/manage.py", django.managePy().orElseThrow());
        assertEquals("mysite.settings.dev", django.settingsModule().orElseThrow().name());
        assertEquals(new Location("backend/manage.py", 4, 53), django.settingsModule().orElseThrow().at());
        assertEquals("backend/mysite/settings/dev.py", django.settingsPath().orElseThrow());
        assertEquals("backend/mysite/settings/__init__.py", django.resolveModule("mysite.settings").orElseThrow());
    }

    @Test
    void configVarsAppJsonAndTheProcfileOverrideTheDefault() throws IOException {
        assertEquals("mysite.settings.prod", django(Map.of("DJANGO_SETTINGS_MODULE", "mysite.settings.prod")).settingsModule().orElseThrow().name());
        Files.writeString(app.resolve("app.json"), "{\"env\": {\"DJANGO_SETTINGS_MODULE\": {\"value\": \"mysite.settings.prod\"}}}");
        DjangoProject fromAppJson = django(Map.of());
        assertEquals("mysite.settings.prod", fromAppJson.settingsModule().orElseThrow().name());
        assertEquals("app.json", fromAppJson.settingsModule().orElseThrow().at().path());
        Files.writeString(app.resolve("Procfile"), "web: DJANGO_SETTINGS_MODULE=mysite.settings.dev gunicorn --chdir backend mysite.wsgi\n");
        DjangoProject fromProcfile = django(Map.of());
        assertEquals("mysite.settings.dev", fromProcfile.settingsModule().orElseThrow().name());
        assertEquals(new Location("Procfile", 1, 29), fromProcfile.settingsModule().orElseThrow().at());
    }

    @Test
    void settingsAreEvaluated() throws IOException {
        assertTrue(django(Map.of()).setting("DEBUG").isPresent());
        assertTrue(django(Map.of()).definitelyUnset("STATIC_ROOT"));
    }
}
