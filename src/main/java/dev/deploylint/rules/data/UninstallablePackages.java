package dev.deploylint.rules.data;

import dev.deploylint.lint.PackedYaml;
import dev.deploylint.project.Dependency;
import dev.deploylint.project.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Packages whose install fails on a Heroku dyno, read from {@code rules/data/uninstallable-packages.yaml}. */
public record UninstallablePackages(String checked, List<Entry> packages) {

    /** Why the install fails; see the table's header. */
    public enum Kind { WINDOWS_ONLY, PYTHON2_ONLY, NO_FILES, ALWAYS_FAILS, NO_WHEEL_FOR_PYTHON }

    /**
     * One package (PEP 503 name) and the releases affected: those below {@code below} and at or after
     * {@code from} when set; {@code pythonFrom} is the first Python minor a {@link Kind#NO_WHEEL_FOR_PYTHON}
     * entry fails on.
     */
    public record Entry(String name, Kind kind, Optional<Version> below, Optional<Version> from, Optional<String> pythonFrom,
                        String why, String fix, String source) {

        /** True when every release is affected. */
        public boolean everyRelease() {
            return below.isEmpty() && from.isEmpty();
        }

        public boolean affects(Version version) {
            return below.map(b -> version.compareTo(b) < 0).orElse(true) && from.map(f -> version.compareTo(f) >= 0).orElse(true);
        }
    }

    private static final UninstallablePackages INSTANCE = load();

    public static UninstallablePackages get() {
        return INSTANCE;
    }

    public Optional<Entry> find(String name) {
        String normal = Dependency.normalize(name);
        return packages.stream().filter(e -> e.name().equals(normal)).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static UninstallablePackages load() {
        Map<String, Object> doc = PackedYaml.loadMapping("/rules/data/uninstallable-packages.yaml");
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) doc.get("packages")) {
            entries.add(new Entry(Dependency.normalize(p.get("name").toString()),
                    Kind.valueOf(p.get("kind").toString().toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                    version(p.get("below")), version(p.get("from")),
                    Optional.ofNullable(p.get("python_from")).map(Object::toString),
                    p.get("why").toString(), p.get("fix").toString(), p.get("source").toString()));
        }
        return new UninstallablePackages(String.valueOf(doc.get("checked")), List.copyOf(entries));
    }

    private static Optional<Version> version(Object text) {
        return text == null ? Optional.empty() : Optional.of(Version.parse(text.toString()).orElseThrow());
    }
}
