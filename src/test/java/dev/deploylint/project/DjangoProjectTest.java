package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.Location;
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
        Files.delete(app.resolve("backend/mysite/settings/prod.py"));
        DjangoProject django = django(Map.of());
        assertEquals("backend/manage.py", django.managePy().orElseThrow());
        assertEquals("mysite.settings.dev", django.settingsModule().orElseThrow().name());
        assertEquals(new Location("backend/manage.py", 4, 53), django.settingsModule().orElseThrow().at());
        assertEquals("backend/mysite/settings/dev.py", django.settingsPath().orElseThrow());
        assertEquals("backend/mysite/settings/__init__.py", django.resolveModule("mysite.settings").orElseThrow());
        assertEquals("default in backend/manage.py:4", django.settingsModule().orElseThrow().source());
        assertTrue(django.settingsModule().orElseThrow().assumedFrom().isEmpty());
    }

    @Test
    void aDefaultNamingADevelopmentModuleGivesWayToItsProductionSibling() throws IOException {
        DjangoProject.ModuleReference chosen = django(Map.of()).settingsModule().orElseThrow();
        assertEquals("mysite.settings.prod", chosen.name());
        assertEquals("mysite.settings.dev", chosen.assumedFrom().orElseThrow().name());
        assertEquals("assumed: production sibling of mysite.settings.dev, default in backend/manage.py:4", chosen.source());
    }

    @Test
    void onlyASettingsModuleLikeSiblingIsTaken() throws IOException {
        Files.writeString(app.resolve("backend/manage.py"), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.dev')\n");
        Files.writeString(app.resolve("backend/mysite/dev.py"), "DEBUG = True\n");
        Files.writeString(app.resolve("backend/mysite/live.py"), "# a live-streaming feature, not settings\n");
        assertEquals("mysite.dev", django(Map.of()).settingsModule().orElseThrow().name());
        Files.writeString(app.resolve("backend/manage.py"), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings_dev')\n");
        Files.writeString(app.resolve("backend/mysite/settings_dev.py"), "DEBUG = True\n");
        Files.writeString(app.resolve("backend/mysite/settings_prod.py"), "DEBUG = False\n");
        assertEquals("mysite.settings_prod", django(Map.of()).settingsModule().orElseThrow().name());
    }

    @Test
    void theWebProcessModuleAndOtherWsgiModulesComeBeforeManagePy() throws IOException {
        Files.writeString(app.resolve("backend/mysite/wsgi.py"),
                "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.staging')\n");
        assertEquals("mysite.settings.staging", django(Map.of()).settingsModule().orElseThrow().name());
    }

    @Test
    void filesUnderTestAndDocsFoldersAreNeverTheSource() throws IOException {
        Files.delete(app.resolve("backend/manage.py"));
        Files.createDirectories(app.resolve("tests/project"));
        Files.writeString(app.resolve("tests/manage.py"), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.dev')\n");
        Files.writeString(app.resolve("tests/project/wsgi.py"), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'x.settings')\n");
        assertTrue(django(Map.of()).settingsModule().isEmpty());
        assertTrue(DjangoProject.inIgnoredFolder("docs/conf/wsgi.py"));
        assertTrue(!DjangoProject.inIgnoredFolder("testproject/wsgi.py"));
    }

    @Test
    void webCommandSourcesBindMoreThanEverythingElse() throws IOException {
        Files.writeString(app.resolve("app.json"), "{\"env\": {\"DJANGO_SETTINGS_MODULE\": {\"value\": \"mysite.settings.dev\"}}}");
        Files.writeString(app.resolve("Procfile"), "web: gunicorn --chdir backend --env DJANGO_SETTINGS_MODULE=mysite.settings.prod mysite.wsgi\n");
        DjangoProject.ModuleReference gunicorn = django(Map.of("DJANGO_SETTINGS_MODULE", "mysite.settings.dev")).settingsModule().orElseThrow();
        assertEquals("mysite.settings.prod", gunicorn.name());
        assertEquals("web command gunicorn --env, Procfile:1", gunicorn.source());
        Files.writeString(app.resolve("Procfile"), "web: python backend/manage.py runserver 0.0.0.0:$PORT --settings=mysite.settings.prod\n");
        assertEquals("mysite.settings.prod", django(Map.of()).settingsModule().orElseThrow().name());
        Files.writeString(app.resolve("Procfile"), "web: python backend/manage.py runserver 0.0.0.0:$PORT --settings mysite.settings.prod\n");
        assertEquals("web command --settings, Procfile:1", django(Map.of()).settingsModule().orElseThrow().source());
    }

    @Test
    void herokuYmlConfigAndAContainerAppsDockerfileEnvAreSources() throws IOException {
        Files.writeString(app.resolve("heroku.yml"), "setup:\n  config:\n    DJANGO_SETTINGS_MODULE: mysite.settings.prod\n"
                + "build:\n  docker:\n    web: Dockerfile\n");
        DjangoProject.ModuleReference fromYml = django(Map.of()).settingsModule().orElseThrow();
        assertEquals("mysite.settings.prod", fromYml.name());
        assertEquals("heroku.yml setup.config, heroku.yml:3", fromYml.source());
        Files.writeString(app.resolve("heroku.yml"), "build:\n  docker:\n    web: Dockerfile\n  config:\n    DJANGO_SETTINGS_MODULE: mysite.settings.prod\n");
        assertEquals("heroku.yml build.config, heroku.yml:5", django(Map.of()).settingsModule().orElseThrow().source());
        Files.writeString(app.resolve("heroku.yml"), "build:\n  docker:\n    web: Dockerfile\n");
        Files.writeString(app.resolve("Dockerfile"), "FROM python:3.12\nENV PYTHONUNBUFFERED=1 \\\n    DJANGO_SETTINGS_MODULE=mysite.settings.dev\n");
        DjangoProject.ModuleReference fromDocker = django(Map.of()).settingsModule().orElseThrow();
        assertEquals("mysite.settings.dev", fromDocker.name());
        assertEquals("Dockerfile ENV, Dockerfile:2", fromDocker.source());
        Files.writeString(app.resolve("Dockerfile"), "FROM python:3.12\nENV DJANGO_SETTINGS_MODULE mysite.settings.dev\n");
        assertEquals("mysite.settings.dev", django(Map.of()).settingsModule().orElseThrow().name());
        Files.delete(app.resolve("heroku.yml"));
        assertEquals("mysite.settings.prod", django(Map.of()).settingsModule().orElseThrow().name(), "not a container app: ENV is not read");
    }

    @Test
    void anEmptyModuleOrClassBasedSettingsAreUnknown() throws IOException {
        Files.writeString(app.resolve("backend/manage.py"), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
        Files.writeString(app.resolve("backend/mysite/settings/__init__.py"), "\"\"\"Settings.\"\"\"\n# nothing here\n");
        DjangoProject empty = django(Map.of());
        assertEquals("backend/mysite/settings/__init__.py", empty.settingsPath().orElseThrow());
        assertTrue(empty.settings().isEmpty());
        assertTrue(!empty.definitelyUnset("STATIC_ROOT"));
        Files.writeString(app.resolve("backend/mysite/settings/__init__.py"),
                "from configurations import Configuration\nclass Production(Configuration):\n    DEBUG = False\n");
        assertTrue(django(Map.of()).settings().isEmpty());
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
