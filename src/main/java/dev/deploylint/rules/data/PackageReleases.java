package dev.deploylint.rules.data;

import dev.deploylint.project.Dependency;
import dev.deploylint.project.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

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
        try (InputStream in = PackageReleases.class.getResourceAsStream("/rules/data/package-releases.yaml")) {
            if (in == null) {
                throw new IllegalStateException("rules/data/package-releases.yaml is missing from the classpath");
            }
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, List<Version>> releases = new HashMap<>();
            ((Map<String, List<Object>>) doc.get("packages")).forEach((name, versions) -> releases.put(Dependency.normalize(name),
                    versions.stream().map(v -> Version.parse(v.toString()).orElseThrow()).sorted().toList()));
            return new PackageReleases(Map.copyOf(releases), String.valueOf(doc.get("checked")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
