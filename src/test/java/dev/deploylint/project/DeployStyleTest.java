package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deploylint.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployStyleTest {

    @TempDir
    Path root;

    private Project app(Map<String, String> files) throws IOException {
        TestApps.write(root, files);
        return Project.open(root, "heroku-24");
    }

    @Test
    void herokuYmlWithBuildDockerIsAContainerApp() throws IOException {
        Project project = app(Map.of("heroku.yml", "build:\n  docker:\n    web: docker/web.Dockerfile\n",
                "docker/web.Dockerfile", "FROM python:3.13-slim\n", "Dockerfile", "FROM python:3.10\n", ".python-version", "3.12\n"));
        DeployStyle style = DeployStyle.of(project);
        assertEquals("container (heroku.yml build.docker, heroku.yml:2:3)", style.describe());
        assertEquals(Optional.of("3.13"), DeployStyle.declaredPython(project).map(PythonVersionFiles.Declared::text),
                "the Dockerfile heroku.yml builds web from, not .python-version or the root Dockerfile");
    }

    @Test
    void appJsonContainerStackIsAContainerApp() throws IOException {
        Project project = app(Map.of("app.json", "{\"stack\": \"container\"}", "Dockerfile", "FROM ubuntu:24.04\n"));
        assertEquals("container (app.json stack container, app.json:1:11)", DeployStyle.of(project).describe());
        assertEquals(Optional.empty(), DeployStyle.declaredPython(project), "no official Python image, so the version is unknown");
    }

    @Test
    void aContainersWebCommandComesFromHerokuYmlRunThenTheDockerfile() throws IOException {
        Project project = app(Map.of("heroku.yml", "build:\n  docker:\n    web: Dockerfile\nrun:\n  web: gunicorn a.wsgi\n",
                "Dockerfile", "FROM python:3.12\nCMD [\"gunicorn\", \"b.wsgi\"]\n"));
        assertEquals(Optional.of(new DeployStyle.WebCommand("gunicorn a.wsgi", new Location("heroku.yml", 5, 8))),
                DeployStyle.webCommand(project));
        Files.writeString(root.resolve("heroku.yml"), "build:\n  docker:\n    web: Dockerfile\n");
        assertEquals(Optional.of(new DeployStyle.WebCommand("gunicorn b.wsgi", new Location("Dockerfile", 2, 1))),
                DeployStyle.webCommand(Project.open(root, "heroku-24")));
    }

    @Test
    void aDockerfilePathOutsideTheAppIsNotRead() throws IOException {
        Files.writeString(root.resolve("outside.Dockerfile"), "FROM python:3.9\n");
        Path app = Files.createDirectories(root.resolve("app"));
        Files.writeString(app.resolve("heroku.yml"), "build:\n  docker:\n    web: ../outside.Dockerfile\n");
        Project project = Project.open(app, "heroku-24");
        assertEquals(DeployStyle.Kind.CONTAINER, DeployStyle.of(project).kind());
        assertEquals(Optional.empty(), DeployStyle.dockerfile(project));
        assertEquals(Optional.empty(), DeployStyle.declaredPython(project));
    }

    @Test
    void everythingElseIsABuildpackApp() throws IOException {
        Project project = app(Map.of("heroku.yml", "run:\n  web: gunicorn app.wsgi\n", "Dockerfile", "FROM python:3.10\nCMD gunicorn\n",
                "app.json", "{\"stack\": \"heroku-24\"}", ".python-version", "3.12\n"));
        assertEquals(DeployStyle.Kind.BUILDPACK, DeployStyle.of(project).kind());
        assertEquals("buildpack", DeployStyle.of(project).describe());
        assertEquals(Optional.of("3.12"), DeployStyle.declaredPython(project).map(PythonVersionFiles.Declared::text));
        assertEquals(Optional.empty(), DeployStyle.dockerfile(project));
        assertEquals(Optional.empty(), DeployStyle.webCommand(project), "a buildpack app's web command is the Procfile's");
    }
}
