package dev.deploylint.rules.data;

import dev.deploylint.lint.PackedYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Community Python buildpacks and what they detect and write, from {@code rules/data/python-buildpacks.yaml}. */
public record PythonBuildpacks(String checked, List<Entry> buildpacks) {

    /** One buildpack: a URL substring that names it, its package manager, the files it needs, writes and exports from. */
    public record Entry(String match, String manager, List<String> detects, List<String> writes, String lock) {
    }

    private static final PythonBuildpacks INSTANCE = load();

    public static PythonBuildpacks get() {
        return INSTANCE;
    }

    /** The entry whose {@code match} the URL contains, ignoring case. */
    public Optional<Entry> find(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return buildpacks.stream().filter(b -> u.contains(b.match().toLowerCase(Locale.ROOT))).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static PythonBuildpacks load() {
        Map<String, Object> doc = PackedYaml.loadMapping("/rules/data/python-buildpacks.yaml");
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> b : (List<Map<String, Object>>) doc.get("buildpacks")) {
            entries.add(new Entry(b.get("match").toString(), b.get("manager").toString(),
                    ((List<Object>) b.get("detects")).stream().map(Object::toString).toList(),
                    ((List<Object>) b.get("writes")).stream().map(Object::toString).toList(), b.get("lock").toString()));
        }
        return new PythonBuildpacks(String.valueOf(doc.get("checked")), List.copyOf(entries));
    }
}
