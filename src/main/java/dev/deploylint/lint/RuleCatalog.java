package dev.deploylint.lint;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata of every known rule, in id order, loaded from {@code rules/<ID>.yaml} on the
 * classpath. The position of a rule in {@link #all()} is its SARIF rule index.
 */
public final class RuleCatalog {

    /** The build-time index of every rule's {@code applies-to}, packed beside the rule files. */
    static final String APPLIES_TO_INDEX = "applies-to-index.yaml";

    private final List<String> ids;
    private final Map<String, Integer> indexById = new LinkedHashMap<>();
    private final Map<String, RuleMetadata> loaded = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.function.Function<String, RuleMetadata> loader;

    private final Map<?, ?> appliesToIndex;

    private RuleCatalog(List<String> ids, java.util.function.Function<String, RuleMetadata> loader, Map<?, ?> appliesToIndex) {
        this.ids = List.copyOf(ids);
        this.loader = loader;
        this.appliesToIndex = appliesToIndex;
        for (int i = 0; i < this.ids.size(); i++) {
            indexById.put(this.ids.get(i), i);
        }
    }

    /**
     * The catalogue of the given rule ids. Each rule's YAML is read the first time it is asked
     * for, so a run that reports a few rules reads a few files; a missing or invalid file fails then.
     */
    public static RuleCatalog load(Collection<String> ids) {
        return new RuleCatalog(ids.stream().sorted().toList(), RuleCatalog::read, Index.APPLIES_TO);
    }

    private static RuleMetadata read(String id) {
        String resource = "/rules/" + id + ".yaml";
        Object document = PackedYaml.load(resource);
        if (document == null) {
            throw new IllegalStateException("rule metadata not found: " + resource);
        }
        return parse(resource, document);
    }

    /** Builds a catalogue from metadata already in hand (tests, generated data). */
    public static RuleCatalog of(List<RuleMetadata> rules) {
        Map<String, RuleMetadata> byId = new LinkedHashMap<>();
        rules.forEach(rule -> byId.put(rule.id(), rule));
        return new RuleCatalog(byId.keySet().stream().sorted().toList(), byId::get, Map.of());
    }

    static RuleMetadata parse(String source, Object document) {
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalStateException(source + ": expected a mapping");
        }
        Category category = Category.parse(text(source, map, "category"));
        Applicability fix = choice(source, "fix", text(source, map, "fix"), Applicability::parse);
        return new RuleMetadata(
                text(source, map, "id"),
                text(source, map, "name"),
                category,
                Severity.parse(text(source, map, "severity")),
                text(source, map, "summary"),
                text(source, map, "docs"),
                references(source, map.get("references")),
                String.valueOf(map.get("since")),
                choice(source, "phase", text(source, map, "phase"), Phase::parse),
                choice(source, "applies-to", text(source, map, "applies-to"), AppliesTo::parse),
                fix,
                fixWhy(source, map, fix));
    }

    /** An unsafe fix says why in one line; other fixes say nothing. */
    private static String fixWhy(String source, Map<?, ?> map, Applicability fix) {
        Object why = map.get("fix-why");
        if (fix == Applicability.UNSAFE) {
            String line = text(source, map, "fix-why");
            if (line.contains("\n")) {
                throw new IllegalStateException(source + ": 'fix-why' must be one line");
            }
            return line;
        }
        if (why != null) {
            throw new IllegalStateException(source + ": 'fix-why' is only for `fix: unsafe`");
        }
        return "";
    }

    private static String text(String source, Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException(source + ": '" + key + "' is missing");
        }
        return value.toString().strip();
    }

    private static <T> T choice(String source, String key, String value, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": '" + key + "' has the unknown value '" + value + "'");
        }
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

    /** Every rule, in id order (reads every rule's metadata). */
    public List<RuleMetadata> all() {
        return ids.stream().map(this::get).toList();
    }

    public RuleMetadata get(String id) {
        if (!indexById.containsKey(id)) {
            throw new IllegalArgumentException("unknown rule id: " + id);
        }
        return loaded.computeIfAbsent(id, loader);
    }

    /**
     * The deploy styles rule {@code id} applies to, from the build's index when it has the rule
     * (one small file instead of every rule's metadata), else from the rule's metadata.
     */
    public AppliesTo appliesTo(String id) {
        Object indexed = appliesToIndex.get(id);
        return indexed == null ? get(id).appliesTo() : AppliesTo.parse(indexed.toString());
    }

    /** Loaded on first use; empty without the packed index (running from an IDE). */
    private static final class Index {
        static final Map<?, ?> APPLIES_TO = PackedYaml.load("/rules/" + APPLIES_TO_INDEX) instanceof Map<?, ?> map ? map : Map.of();
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
        String wanted = idOrName.trim();
        for (String id : ids) {
            if (id.equalsIgnoreCase(wanted)) {
                return Optional.of(get(id));
            }
        }
        String name = wanted.toLowerCase(Locale.ROOT);
        return all().stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
