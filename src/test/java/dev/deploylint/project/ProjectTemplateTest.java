package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTemplateTest {

    @TempDir
    Path app;

    private ProjectTemplate template() throws IOException {
        return ProjectTemplate.of(Project.open(app, "heroku-24"));
    }

    @Test
    void recognisesDjangoAndCookiecutterPlaceholders() {
        assertTrue(ProjectTemplate.containsPlaceholder("gunicorn {{ project_name }}.wsgi"));
        assertTrue(ProjectTemplate.containsPlaceholder("{{ project_name|lower }}.settings"));
        assertTrue(ProjectTemplate.containsPlaceholder("gunicorn {{cookiecutter.project_slug}}.wsgi"));
        assertTrue(ProjectTemplate.containsPlaceholder("{%- if cookiecutter.use_celery == 'y' %}"));
    }

    @Test
    void literalBracesOfFormatStringsAreNotPlaceholders() {
        assertFalse(ProjectTemplate.containsPlaceholder("f\"{{levelname}} {message}\""));
        assertFalse(ProjectTemplate.containsPlaceholder("f\"{{{prefix}}}\""));
        assertFalse(ProjectTemplate.containsPlaceholder("{\"a\": {\"b\": 1}}"));
        assertFalse(ProjectTemplate.containsPlaceholder(null));
    }

    @Test
    void theFirstPlaceholderIsInAFileOrAFolderName() throws IOException {
        Files.writeString(app.resolve("Procfile"), "# made from {{ project_name }}\nweb: gunicorn {{ project_name }}.wsgi\n");
        assertEquals(new Location("Procfile", 2, 15), template().firstPlaceholder().orElseThrow());
        Files.createDirectories(app.resolve("{{cookiecutter.slug}}"));
        Files.writeString(app.resolve("{{cookiecutter.slug}}/wsgi.py"), "application = None\n");
        assertEquals(new Location("Procfile", 2, 15), template().firstPlaceholder().orElseThrow());
        Files.writeString(app.resolve("Procfile"), "web: gunicorn app.wsgi\n");
        assertEquals(Location.startOf("{{cookiecutter.slug}}/wsgi.py"), template().firstPlaceholder().orElseThrow());
    }

    @Test
    void anAppWithoutPlaceholdersIsNoTemplate() throws IOException {
        Files.writeString(app.resolve("Procfile"), "# {{ project_name }} in a comment\nweb: gunicorn mysite.wsgi\n");
        Files.createDirectories(app.resolve("templates"));
        Files.writeString(app.resolve("templates/index.html"), "{% block content %}{{ user }}{% endblock %}\n");
        assertFalse(template().isTemplate());
    }
}
