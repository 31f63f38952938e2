package dev.deploylint.rules.data;

import dev.deploylint.lint.PackedYaml;
import dev.deploylint.project.Dependency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Packages that weigh heavily in a slug, read from {@code rules/data/large-packages.yaml}. */
public record LargePackages(String checked, int limitMb, List<Entry> packages) {

    /**
     * One package or name prefix ({@code nvidia-}, from {@code nvidia-*}), the compressed megabytes it adds
     * to the slug, the megabytes of its CPU-only build when one exists (0 otherwise), and how to get it.
     */
    public record Entry(String name, boolean prefix, int mb, int cpuMb, Optional<String> cpu) {

        public boolean matches(String normalName) {
            return prefix ? normalName.startsWith(name) : normalName.equals(name);
        }
    }

    private static final LargePackages INSTANCE = load();

    public static LargePackages get() {
        return INSTANCE;
    }

    public Optional<Entry> find(String normalName) {
        return packages.stream().filter(e -> e.matches(normalName)).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static LargePackages load() {
        Map<String, Object> doc = PackedYaml.loadMapping("/rules/data/large-packages.yaml");
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) doc.get("packages")) {
            String name = p.get("name").toString();
            boolean prefix = name.endsWith("*");
            entries.add(new Entry(prefix ? name.substring(0, name.length() - 1) : Dependency.normalize(name), prefix,
                    ((Number) p.get("mb")).intValue(), p.get("cpu_mb") instanceof Number n ? n.intValue() : 0,
                    Optional.ofNullable(p.get("cpu")).map(Object::toString)));
        }
        return new LargePackages(String.valueOf(doc.get("checked")), ((Number) doc.get("limit_mb")).intValue(), List.copyOf(entries));
    }
}
