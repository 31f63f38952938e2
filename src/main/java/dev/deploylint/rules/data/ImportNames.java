package dev.deploylint.rules.data;

import dev.deploylint.lint.PackedYaml;
import dev.deploylint.project.Dependency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which distributions install a top-level module, from {@code rules/data/import-names.yaml}: the
 * distributions that provide it and name patterns of distributions known to install it as a
 * dependency of their own. Modules not in the table are unknown.
 */
public final class ImportNames {

    private static final ImportNames INSTANCE = load();

    /** What installs one module: its distributions (PEP 503 names) and patterns of those that depend on it. */
    public record Providers(List<String> distributions, List<Pattern> installedWith) {

        /** True when distribution {@code name} provides the module or may install it as a dependency. */
        public boolean installedBy(String name) {
            String normal = Dependency.normalize(name);
            return distributions.contains(normal) || installedWith.stream().anyMatch(p -> p.matcher(normal).matches());
        }
    }

    private final Map<String, Providers> modules;
    private final String checked;

    private ImportNames(Map<String, Providers> modules, String checked) {
        this.modules = modules;
        this.checked = checked;
    }

    public static ImportNames get() {
        return INSTANCE;
    }

    /** The date the table was last checked. */
    public String checked() {
        return checked;
    }

    /** What installs top-level module {@code module}, when the table knows it. */
    public Optional<Providers> providers(String module) {
        return Optional.ofNullable(modules.get(module));
    }

    @SuppressWarnings("unchecked")
    private static ImportNames load() {
        Map<String, Object> doc = PackedYaml.loadMapping("/rules/data/import-names.yaml");
        Map<String, Providers> modules = new HashMap<>();
        ((Map<String, Map<String, List<Object>>>) doc.get("modules")).forEach((module, entry) -> modules.put(module, new Providers(
                entry.get("distributions").stream().map(d -> Dependency.normalize(d.toString())).toList(),
                entry.get("installed-with").stream().map(p -> glob(p.toString())).toList())));
        return new ImportNames(Map.copyOf(modules), String.valueOf(doc.get("checked")));
    }

    /** A pattern where {@code *} matches any run of characters, compared with normalised names. */
    private static Pattern glob(String pattern) {
        String[] pieces = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!pieces[i].isEmpty()) {
                regex.append(Pattern.quote(Dependency.normalize(pieces[i])));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
