package dev.deploylint.lint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The metadata of every known rule, in id order, loaded from {@code rules/<ID>.yaml} on the
 * classpath. The position of a rule in {@link #all()} is its SARIF rule index.
 */
public final class RuleCatalog {

    private final List<RuleMetadata> rules;
    private final Map<String, Integer> indexById = new LinkedHashMap<>();

    private RuleCatalog(List<RuleMetadata> rules) {
        this.rules = List.copyOf(rules);
        for (int i = 0; i < this.rules.size(); i++) {
            indexById.put(this.rules.get(i).id(), i);
        }
    }

    /** Loads the metadata of the given rule ids; fails when a file is missing or invalid. */
    public static RuleCatalog load(Collection<String> ids) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<RuleMetadata> loaded = new ArrayList<>();
        for (String id : ids.stream().sorted().toList()) {
            String resource = "/rules/" + id + ".yaml";
            try (InputStream in = RuleCatalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("rule metadata not found: " + resource);
                }
                Object document = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                loaded.add(parse(resource, document));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RuleCatalog(loaded);
    }

    /** Builds a catalogue from metadata already in hand (tests, generated data). */
    public static RuleCatalog of(List<RuleMetadata> rules) {
        return new RuleCatalog(rules.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList());
    }

    static RuleMetadata parse(String source, Object document) {
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalStateException(source + ": expected a mapping");
        }
        Category category = Category.parse(text(source, map, "category"));
        Object phase = map.get("phase");
        return new RuleMetadata(
                text(source, map, "id"),
                text(source, map, "name"),
                category,
                Severity.parse(text(source, map, "severity")),
                text(source, map, "summary"),
                text(source, map, "docs"),
                references(source, map.get("references")),
                String.valueOf(map.get("since")),
                phase == null ? Phase.defaultFor(category) : Phase.parse(phase.toString()));
    }

    private static String text(String source, Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException(source + ": '" + key + "' is missing");
        }
        return value.toString().strip();
    }

    private static List<String> references(String source, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalStateException(source + ": 'references' must be a list");
        }
        return list.stream().map(Object::toString).toList();
    }

    public List<RuleMetadata> all() {
        return rules;
    }

    public RuleMetadata get(String id) {
        Integer index = indexById.get(id);
        if (index == null) {
            throw new IllegalArgumentException("unknown rule id: " + id);
        }
        return rules.get(index);
    }

    /** The SARIF rule index of {@code id}. */
    public int indexOf(String id) {
        Integer index = indexById.get(id);
        if (index == null) {
            throw new IllegalArgumentException("unknown rule id: " + id);
        }
        return index;
    }

    /** Finds a rule by id or name, ignoring case. */
    public Optional<RuleMetadata> find(String idOrName) {
        String wanted = idOrName.trim().toLowerCase(Locale.ROOT);
        return rules.stream()
                .filter(r -> r.id().toLowerCase(Locale.ROOT).equals(wanted) || r.name().equals(wanted))
                .findFirst();
    }
}
