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
            Json.JObject pkg = entry.getValue().value() instanceof Json.JObject o ? o : null;
            String specifier = pkg == null ? "" : pkg.get("version").flatMap(Json::asString).orElse("");
            String marker = pkg == null ? "" : pkg.get("markers").flatMap(Json::asString).orElse("");
            out.add(new Dependency(Dependency.normalize(entry.getKey()), specifier,
                    Requirements.pinnedVersion(specifier), entry.getValue().keyAt(), marker));
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
            out.add(new Dependency(Dependency.normalize(field.getKey()), specifier, Requirements.pinnedVersion(specifier), at,
                    tableMarker(value)));
        });
    }

    /**
     * The marker of a Pipfile or Poetry table entry: {@code markers = "..."}, and the per-variable
     * keys Pipfile accepts ({@code sys_platform = "== 'win32'"}) or Poetry's {@code platform = "win32"}.
     */
    private static String tableMarker(JsonNode value) {
        List<String> parts = new ArrayList<>();
        if (value.path("markers").isTextual()) {
            parts.add("(" + value.path("markers").asText() + ")");
        }
        for (String variable : List.of("sys_platform", "platform_system", "os_name", "python_version")) {
            if (value.path(variable).isTextual()) {
                parts.add(variable + " " + value.path(variable).asText());
            }
        }
        if (value.path("platform").isTextual()) {
            parts.add("sys_platform == \"" + value.path("platform").asText() + "\"");
        }
        if (value.path("python").isTextual()) {
            // Poetry's own Python constraint ("<3"): not a PEP 508 variable, so the marker stays unknown.
            parts.add("poetry_python == \"" + value.path("python").asText().replace("\"", "") + "\"");
        }
        return String.join(" and ", parts);
    }

    private static void fromPyproject(TomlDocument doc, List<Dependency> out) {
        for (JsonNode requirement : doc.root().path("project").path("dependencies")) {
            String text = requirement.asText("");
            Requirements.parseLine(text.strip(), doc.find(text)).ifPresent(out::add);
        }
        fromTable(doc, doc.root().path("tool").path("poetry").path("dependencies"), out);
    }
}
