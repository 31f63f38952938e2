package dev.deploylint.project;

import dev.deploylint.parse.json.JsonDocument;
import dev.deploylint.parse.toml.TomlDocument;
import java.util.List;
import java.util.Optional;

/** The JSON and TOML files of an app that deploylint reads, each parsed once per project. */
public final class StructuredFiles {

    /** JSON files at the app root that rules read. */
    public static final List<String> JSON_FILES = List.of("app.json", "package.json", "bower.json", "Pipfile.lock");
    /** TOML files at the app root that rules read. */
    public static final List<String> TOML_FILES = List.of("pyproject.toml", "Pipfile", "poetry.lock", "uv.lock");

    private StructuredFiles() {
    }

    private record JsonKey(String path) {
    }

    private record TomlKey(String path) {
    }

    /** The parsed JSON file at {@code path}, valid or not; empty when absent or unreadable. */
    public static Optional<JsonDocument> json(Project project, String path) {
        return project.view(new JsonKey(path), p -> p.text(path).map(JsonDocument::parse));
    }

    /** The parsed TOML file at {@code path}, valid or not; empty when absent or unreadable. */
    public static Optional<TomlDocument> toml(Project project, String path) {
        return project.view(new TomlKey(path), p -> p.text(path).map(TomlDocument::parse));
    }

    /** The root value of a valid JSON file. */
    public static Optional<dev.deploylint.parse.json.Json> validJson(Project project, String path) {
        return json(project, path).filter(JsonDocument::isValid).map(JsonDocument::root);
    }

    /** A valid TOML file. */
    public static Optional<TomlDocument> validToml(Project project, String path) {
        return toml(project, path).filter(TomlDocument::isValid);
    }
}
