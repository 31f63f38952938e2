package dev.deploylint.rules.data;

import dev.deploylint.lint.PackedYaml;
import dev.deploylint.project.Dependency;
import dev.deploylint.project.Version;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Known releases of the packages rules judge, from {@code rules/data/package-releases.yaml}, oldest first. */
public final class PackageReleases {

    private static final PackageReleases INSTANCE = load();

    private final Map<String, List<Version>> releases;
    private final String checked;

    private PackageReleases(Map<String, List<Version>> releases, String checked) {
        this.releases = releases;
        this.checked = checked;
    }

    /** The date the table's releases were last checked. */
    public String checked() {
        return checked;
    }

    public static PackageReleases get() {
        return INSTANCE;
    }

    /** The releases of {@code name} known to the table, oldest first; empty for other packages. */
    public List<Version> of(String name) {
        return releases.getOrDefault(Dependency.normalize(name), List.of());
    }

    /** The newest known release. */
    public Optional<Version> newest(String name) {
        List<Version> known = of(name);
        return known.isEmpty() ? Optional.empty() : Optional.of(known.get(known.size() - 1));
    }

    @SuppressWarnings("unchecked")
    private static PackageReleases load() {
        Map<String, Object> doc = PackedYaml.loadMapping("/rules/data/package-releases.yaml");
        Map<String, List<Version>> releases = new HashMap<>();
        ((Map<String, List<Object>>) doc.get("packages")).forEach((name, versions) -> releases.put(Dependency.normalize(name),
                versions.stream().map(v -> Version.parse(v.toString()).orElseThrow()).sorted().toList()));
        return new PackageReleases(Map.copyOf(releases), String.valueOf(doc.get("checked")));
    }
}
