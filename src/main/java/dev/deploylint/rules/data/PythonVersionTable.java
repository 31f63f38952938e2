package dev.deploylint.rules.data;

import dev.deploylint.lint.PackedYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Heroku Python buildpack's supported Python versions and stacks, read from
 * {@code rules/data/python-versions.yaml}. Rules ask it instead of hard-coding version numbers.
 */
public record PythonVersionTable(String source, String checked, String release, String releaseDate, String defaultPython,
                                 String defaultStack, List<Stack> stacks, List<Minor> pythons) {

    /**
     * Patches above a minor's newest listed one that may have been released since the table was
     * made: about a year of CPython bugfix releases, which come every two months at most.
     */
    public static final int PLAUSIBLE_NEWER_PATCHES = 6;

    /** Minors past the newest listed one that may have been released since: two years of yearly releases. */
    public static final int PLAUSIBLE_NEWER_MINORS = 2;

    /** How the buildpack treats a Python minor version. */
    public enum Status { SUPPORTED, DEPRECATED, END_OF_LIFE, UNKNOWN }

    public record Stack(String name, String status, String endOfLife) {
    }

    /** One Python minor: its status, newest patch the buildpack knows, and when support ends. */
    public record Minor(int major, int minor, Status status, String latestPatch, List<String> stacks, String removalDate) {
        public String name() {
            return major + "." + minor;
        }
    }

    private static final PythonVersionTable INSTANCE = load();

    public static PythonVersionTable get() {
        return INSTANCE;
    }

    /** The status of a minor; versions older than every listed one are end-of-life, newer ones unknown. */
    public Status status(int major, int minor) {
        Optional<Minor> listed = find(major, minor);
        if (listed.isPresent()) {
            return listed.get().status();
        }
        Minor newest = pythons.get(pythons.size() - 1);
        return major > newest.major() || (major == newest.major() && minor > newest.minor()) ? Status.UNKNOWN : Status.END_OF_LIFE;
    }

    /**
     * True when Python {@code major.minor} may have been released after the buildpack release this
     * table was made from: CPython ships a new 3.N every October (PEP 602; 3.14 in October 2025), so
     * 3.N cannot exist before October of year 2011 + N, and only a table made before then cannot know it.
     * At most {@link #PLAUSIBLE_NEWER_MINORS} minors past the newest listed count: a further one
     * (3.999) is a typo, not news.
     */
    public boolean mayBeNewerThanTable(int major, int minor) {
        if (major != 3 || status(major, minor) != Status.UNKNOWN || minor > newest().minor() + PLAUSIBLE_NEWER_MINORS) {
            return false;
        }
        return java.time.LocalDate.of(2011 + minor, 10, 1).isAfter(java.time.LocalDate.parse(releaseDate));
    }

    /** "table checked on 2026-12-07 against buildpack v351 of 2026-08-18", for "data may be out of date" messages. */
    public String dataDate() {
        return "table checked on " + checked + " against buildpack " + release + " of " + releaseDate;
    }

    public Optional<Minor> find(int major, int minor) {
        return pythons.stream().filter(p -> p.major() == major && p.minor() == minor).findFirst();
    }

    /** The oldest minor the buildpack still builds. */
    public Minor oldestBuildable() {
        return pythons.stream().filter(p -> p.status() != Status.END_OF_LIFE).findFirst().orElseThrow();
    }

    /** The newest minor the buildpack knows. */
    public Minor newest() {
        return pythons.get(pythons.size() - 1);
    }

    public Optional<Stack> stack(String name) {
        return stacks.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> supportedStacks() {
        return stacks.stream().filter(s -> !s.status().equals("end-of-life")).map(Stack::name).toList();
    }

    @SuppressWarnings("unchecked")
    private static PythonVersionTable load() {
        Map<String, Object> doc = PackedYaml.loadMapping("/rules/data/python-versions.yaml");
        List<Stack> stacks = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) doc.get("stacks")) {
            stacks.add(new Stack(text(s.get("name")), text(s.get("status")), text(s.get("end_of_life"))));
        }
        List<Minor> pythons = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) doc.get("pythons")) {
            String[] minor = text(p.get("minor")).split("\\.");
            List<String> onStacks = p.get("stacks") instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of();
            pythons.add(new Minor(Integer.parseInt(minor[0]), Integer.parseInt(minor[1]),
                    Status.valueOf(text(p.get("status")).toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                    text(p.get("latest_patch")), onStacks, text(p.get("removal_date"))));
        }
        pythons.sort((a, b) -> a.major() != b.major() ? Integer.compare(a.major(), b.major()) : Integer.compare(a.minor(), b.minor()));
        return new PythonVersionTable(text(doc.get("source")), text(doc.get("checked")), text(doc.get("release")),
                text(doc.get("release_date")), text(doc.get("default_python")),
                text(doc.get("default_stack")), List.copyOf(stacks), List.copyOf(pythons));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
