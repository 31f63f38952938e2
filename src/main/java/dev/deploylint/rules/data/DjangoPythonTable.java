package dev.deploylint.rules.data;

import dev.deploylint.lint.PackedYaml;
import dev.deploylint.project.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Python minors each Django feature release supports, read from
 * {@code rules/data/django-python.yaml}, oldest Django first.
 */
public record DjangoPythonTable(String source, String checked, List<Release> djangos) {

    /**
     * One Django minor: its release and end-of-security dates, the Python minors it supports
     * (oldest first), and for Pythons added in a patch release the first patch that supports them.
     */
    public record Release(String minor, String released, String securityEnds, List<String> pythons, Map<String, String> pythonSince) {

        public boolean supports(String python) {
            return pythons.contains(python);
        }

        /** The first release of this minor that supports {@code python}, e.g. 4.2.8 for 3.12. */
        public String firstSupporting(String python) {
            return pythonSince.getOrDefault(python, minor);
        }

        /** True when {@code python} is older than every Python this minor supports. */
        public boolean isTooOldFor(String python) {
            return compareMinor(python, pythons.get(0)) < 0;
        }
    }

    private static final DjangoPythonTable INSTANCE = load();

    public static DjangoPythonTable get() {
        return INSTANCE;
    }

    /** The release of the Django version's minor, when the table lists it. */
    public Optional<Release> find(Version django) {
        String minor = django.part(0) + "." + django.part(1);
        return djangos.stream().filter(d -> d.minor().equals(minor)).findFirst();
    }

    public Release newest() {
        return djangos.get(djangos.size() - 1);
    }

    /** The oldest Django minor at or after {@code from} that supports {@code python}. */
    public Optional<Release> oldestSupporting(String python, Release from) {
        return djangos.stream().skip(djangos.indexOf(from)).filter(d -> d.supports(python)).findFirst();
    }

    /** The newest Django minor that supports {@code python}. */
    public Optional<Release> newestSupporting(String python) {
        return djangos.stream().filter(d -> d.supports(python)).reduce((a, b) -> b);
    }

    /** Compares two "N.N" Python minors numerically. */
    public static int compareMinor(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    @SuppressWarnings("unchecked")
    private static DjangoPythonTable load() {
        Map<String, Object> doc = PackedYaml.loadMapping("/rules/data/django-python.yaml");
        List<Release> djangos = new ArrayList<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) doc.get("djangos")) {
            List<String> pythons = ((List<Object>) d.get("pythons")).stream().map(Object::toString)
                    .sorted(DjangoPythonTable::compareMinor).toList();
            Map<String, String> since = new LinkedHashMap<>();
            if (d.get("python_since") instanceof Map<?, ?> m) {
                m.forEach((python, patch) -> since.put(python.toString(), patch.toString()));
            }
            djangos.add(new Release(d.get("minor").toString(), String.valueOf(d.get("released")),
                    String.valueOf(d.get("security_ends")), pythons, Map.copyOf(since)));
        }
        djangos.sort((a, b) -> compareMinor(a.minor(), b.minor()));
        return new DjangoPythonTable(String.valueOf(doc.get("source")), String.valueOf(doc.get("checked")), List.copyOf(djangos));
    }
}
