package dev.deploylint.rules.buildpacks;

import dev.deploylint.parse.json.Json;
import dev.deploylint.project.Project;
import dev.deploylint.project.StructuredFiles;
import java.util.Optional;

/** The root package.json the Node.js buildpack reads, for the NJ rules. */
final class PackageJson {

    static final String PATH = "package.json";

    private PackageJson() {
    }

    /** The root object of a valid package.json at the app root. */
    static Optional<Json.JObject> root(Project project) {
        return StructuredFiles.validJson(project, PATH).filter(Json.JObject.class::isInstance).map(Json.JObject.class::cast);
    }

    /** The {@code engines} member of package.json, when it is an object. */
    static Optional<Json.JObject> engines(Project project) {
        return root(project).flatMap(root -> root.get("engines"))
                .filter(Json.JObject.class::isInstance).map(Json.JObject.class::cast);
    }

    /** The member {@code name} of {@code engines}, with the location of its key. */
    static Optional<Json.Member> engine(Project project, String name) {
        return engines(project).map(engines -> engines.members().get(name));
    }
}
