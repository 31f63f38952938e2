package dev.deploylint.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deploylint.parse.json.Json;
import dev.deploylint.parse.toml.TomlDocument;
import dev.deploylint.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every package the app declares, from all of its package-manager files: requirements.txt (with
 * includes), Pipfile and Pipfile.lock, pyproject.toml (PEP 621 and Poetry tables), poetry.lock
 * and uv.lock. A lock file's exact version wins over a requirement's constraint.
 */
public record Dependencies(List<Dependency> all) {

    public static Dependencies of(Project project) {
        return project.view(Dependencies.class, Dependencies::load);
    }

    /** The declaration of {@code name} that best tells its version: locked, then pinned, then first seen. */
    public Optional<Dependency> find(String name) {
        String wanted = Dependency.normalize(name);
        Dependency best = null;
        for (Dependency dependency : all) {
            if (!dependency.name().equals(wanted)) {
                continue;
            }
            if (best == null || best.pinned().isEmpty() && dependency.pinned().isPresent()) {
                best = dependency;
            }
        }
        return Optional.ofNullable(best);
    }

    public boolean declares(String name) {
        return find(name).isPresent();
    }

    private static Dependencies load(Project project) {
        List<Dependency> locked = new ArrayList<>();
        List<Dependency> declared = new ArrayList<>();
        StructuredFiles.validToml(project, "poetry.lock").ifPresent(doc -> fromLock(doc, locked));
        StructuredFiles.validToml(project, "uv.lock").ifPresent(doc -> fromLock(doc, locked));
        StructuredFiles.validJson(project, "Pipfile.lock").ifPresent(root -> fromPipfileLock(root, locked));
        Requirements.of(project).ifPresent(r -> declared.addAll(r.dependencies()));
        StructuredFiles.validToml(project, "Pipfile").ifPresent(doc -> fromTable(doc, doc.root().path("packages"), declared));
        StructuredFiles.validToml(project, "pyproject.toml").ifPresent(doc -> fromPyproject(doc, declared));
        List<Dependency> all = new ArrayList<>(locked);
        all.addAll(declared);
        return new Dependencies(List.copyOf(all));
    }

    private static void fromLock(TomlDocument doc, List<Dependency> out) {
        for (JsonNode pkg : doc.root().path("package")) {
            String name = pkg.path("name").asText("");
            if (name.isEmpty()) {
                continue;
            }
            String version = pkg.path("version").asText("");
            Location at = doc.locate("name = \"" + name + "\"");
            out.add(new Dependency(Dependency.normalize(name), version.isEmpty() ? "" : "==" + version, Version.parse(version), at));
        }
    }

    private static void fromPipfileLock(Json root, List<Dependency> out) {
        if (!(root instanceof Json.JObject object) || !(object.get("default").orElse(null) instanceof Json.JObject packages)) {
            return;
        }
        for (Map.Entry<String, Json.Member> entry : packages.members().entrySet()) {
            String specifier = entry.getValue().value() instanceof Json.JObject pkg
                    ? pkg.get("version").flatMap(Json::asString).orElse("") : "";
            out.add(new Dependency(Dependency.normalize(entry.getKey()), specifier,
                    Requirements.pinnedVersion(specifier), entry.getValue().keyAt()));
        }
    }

    private static void fromTable(TomlDocument doc, JsonNode table, List<Dependency> out) {
        table.fields().forEachRemaining(field -> {
            if (field.getKey().equalsIgnoreCase("python")) {
                return;
            }
            JsonNode value = field.getValue();
            String specifier = value.isTextual() ? value.asText() : value.path("version").asText("");
            specifier = specifier.equals("*") ? "" : specifier.replace(" ", "");
            Location at = doc.locate(field.getKey() + " =", field.getKey() + "=", "\"" + field.getKey() + "\"");
            out.add(new Dependency(Dependency.normalize(field.getKey()), specifier, Requirements.pinnedVersion(specifier), at));
        });
    }

    private static void fromPyproject(TomlDocument doc, List<Dependency> out) {
        for (JsonNode requirement : doc.root().path("project").path("dependencies")) {
            String text = requirement.asText("");
            Requirements.parseLine(text.strip(), doc.find(text)).ifPresent(out::add);
        }
        fromTable(doc, doc.root().path("tool").path("poetry").path("dependencies"), out);
    }
}
