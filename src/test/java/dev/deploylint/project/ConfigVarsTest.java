package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigVarsTest {

    @TempDir
    Path root;

    private Project app(Map<String, String> files, Map<String, String> environment) throws IOException {
        TestApps.write(root, files);
        return Project.open(root, "heroku-24", environment);
    }

    @Test
    void appJsonHerokuYmlProcfilePrefixAndEnvFlagDeclare() throws IOException {
        ConfigVars vars = ConfigVars.of(app(Map.of(
                "app.json", "{\"env\": {\"FROM_APP_JSON\": {\"value\": \"1\"}}}",
                "heroku.yml", "setup:\n  config:\n    FROM_SETUP: \"1\"\nbuild:\n  config:\n    FROM_BUILD: \"1\"\n",
                "Procfile", "web: FROM_PROCFILE=1 gunicorn mysite.wsgi\nworker: FROM_WORKER=1 celery -A mysite worker\n"),
                Map.of("FROM_FLAG", "x")));
        for (String name : new String[] {"FROM_APP_JSON", "FROM_SETUP", "FROM_BUILD", "FROM_PROCFILE", "FROM_FLAG"}) {
            assertTrue(vars.isSet(name), name);
        }
        assertFalse(vars.isSet("FROM_WORKER"), "a worker's prefix does not reach the web process that loads the settings");
        assertFalse(vars.isSet("ON_HEROKU"));
    }

    @Test
    void platformVariablesAreAlwaysSet() throws IOException {
        ConfigVars vars = ConfigVars.of(app(Map.of("requirements.txt", "django\n"), Map.of()));
        assertTrue(vars.isSet("DYNO"));
        assertTrue(vars.isSet("PORT"));
        assertTrue(vars.isSet("HEROKU_POSTGRESQL_RED_URL"));
        assertFalse(vars.isSet("PRODUCTION"));
    }

    @Test
    void onlyAContainerAppsDockerfileEnvDeclares() throws IOException {
        Map<String, String> files = Map.of("Dockerfile", "FROM python:3.13\nENV ON_HEROKU=1\n", "requirements.txt", "django\n");
        assertFalse(ConfigVars.of(app(files, Map.of())).isSet("ON_HEROKU"), "a buildpack app never runs its Dockerfile");
    }

    @Test
    void aContainerAppsDockerfileEnvDeclares() throws IOException {
        Map<String, String> files = Map.of("Dockerfile", "FROM python:3.13\nENV ON_HEROKU=1\n",
                "heroku.yml", "build:\n  docker:\n    web: Dockerfile\n");
        assertTrue(ConfigVars.of(app(files, Map.of())).isSet("ON_HEROKU"));
    }
}
