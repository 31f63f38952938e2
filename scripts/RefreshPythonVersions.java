import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regenerates the buildpack's values in rules/data/python-versions.yaml from a checkout (or bare git
 * directory) of heroku/heroku-buildpack-python: the newest release and its date, the default Python,
 * each minor's status, newest patch and stacks, and the deprecation date. Everything else in the
 * table (stack notes, upstream end-of-life dates, removal history) is kept as written, so running it
 * twice, or on the release the table was made from, changes nothing but `checked`.
 *
 * Usage: java scripts/RefreshPythonVersions.java BUILDPACK_GIT_DIR [--checked YYYY-MM-DD] [--table FILE] [--check]
 */
public final class RefreshPythonVersions {

    private static final Pattern RELEASE = Pattern.compile("(?m)^## \\[(v\\d+)\\] - (\\d{4}-\\d{2}-\\d{2})$");
    private static final Pattern LATEST = Pattern.compile("(?m)^LATEST_PYTHON_3_(\\d+)=\"(3\\.\\d+\\.\\d+)\"$");
    private static final Pattern DEPRECATED = Pattern.compile("requested_major_version}\" == \"3\\.(\\d+)\"[\\s\\S]*?"
            + "removed from this\\s+buildpack on (\\d+)(?:st|nd|rd|th) (\\w+) (\\d{4})");
    private static final Pattern STACK_ARM = Pattern.compile("(?m)^\\t([a-z0-9| -]+)\\)\\n\\t\\tSUPPORTED_PYTHON_VERSIONS=\\(([^)]*)\\)");

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: refresh-python-versions BUILDPACK_GIT_DIR [--checked YYYY-MM-DD] [--table FILE] [--check]");
            System.exit(2);
        }
        String buildpack = args[0];
        String checked = LocalDate.now(ZoneOffset.UTC).toString();
        Path table = Path.of("rules/data/python-versions.yaml");
        boolean check = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--checked" -> checked = LocalDate.parse(args[++i]).toString();
                case "--table" -> table = Path.of(args[++i]);
                case "--check" -> check = true;
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        String changelog = git(buildpack, "show", "HEAD:CHANGELOG.md");
        String versions = git(buildpack, "show", "HEAD:lib/python_version.sh");
        String runtime = git(buildpack, "show", "HEAD:builds/build_python_runtime.sh");
        String commit = git(buildpack, "rev-parse", "HEAD").trim().substring(0, 12);

        Matcher release = RELEASE.matcher(changelog);
        if (!release.find()) {
            throw new IllegalStateException("no released version in CHANGELOG.md");
        }
        Facts facts = new Facts(release.group(1), release.group(2), commit, checked,
                intVar(versions, "OLDEST_SUPPORTED_PYTHON_3_MINOR_VERSION"), intVar(versions, "NEWEST_SUPPORTED_PYTHON_3_MINOR_VERSION"),
                latestPatches(versions), deprecations(versions), stacks(runtime));
        String defaultVersion = stringVar(versions, "DEFAULT_PYTHON_FULL_VERSION");
        Matcher indirect = Pattern.compile("\\$\\{LATEST_PYTHON_3_(\\d+)}").matcher(defaultVersion);
        String defaultPython = indirect.matches() ? "3." + indirect.group(1) : defaultVersion.replaceAll("\\.\\d+$", "");

        String before = Files.readString(table, StandardCharsets.UTF_8);
        String after = rewrite(before, facts, defaultPython);
        if (check) {
            if (!after.equals(before)) {
                System.err.println(table + " differs from what " + facts.release + " gives; run without --check to update it");
                System.exit(1);
            }
            System.out.println(table + " matches " + facts.release);
            return;
        }
        Files.writeString(table, after, StandardCharsets.UTF_8);
        System.out.println("wrote " + table + " from heroku-buildpack-python " + facts.release + " (" + facts.releaseDate + ")");
    }

    private record Facts(String release, String releaseDate, String commit, String checked, int oldest, int newest,
                         Map<Integer, String> latest, Map<Integer, String> removalDates, Map<Integer, List<String>> stacks) {
    }

    static String rewrite(String yaml, Facts facts, String defaultPython) {
        String out = yaml;
        out = replaceLine(out, "^# Source: heroku/heroku-buildpack-python release \\S+ \\(\\S+\\),",
                "# Source: heroku/heroku-buildpack-python release " + facts.release + " (" + facts.releaseDate + "),");
        out = replaceLine(out, "^  heroku/heroku-buildpack-python release \\S+ \\(\\S+, commit \\w+\\):$",
                "  heroku/heroku-buildpack-python release " + facts.release + " (" + facts.releaseDate + ", commit " + facts.commit + "):");
        out = replaceLine(out, "^checked: \"[^\"]*\"$", "checked: \"" + facts.checked + "\"");
        out = replaceLine(out, "^release: \"[^\"]*\"$", "release: \"" + facts.release + "\"");
        out = replaceLine(out, "^release_date: \"[^\"]*\"$", "release_date: \"" + facts.releaseDate + "\"");
        out = replaceLine(out, "^default_python: \"[^\"]*\"$", "default_python: \"" + defaultPython + "\"");
        out = replaceLine(out, "^# status: how the \\S+ buildpack treats", "# status: how the " + facts.release + " buildpack treats");

        int start = out.indexOf("\npythons:\n");
        String head = out.substring(0, start + "\npythons:\n".length());
        List<String> entries = new ArrayList<>();
        String prelude = "";
        StringBuilder current = null;
        for (String line : out.substring(head.length()).split("\n", -1)) {
            if (line.startsWith("  - minor: ")) {
                if (current != null) {
                    entries.add(current.toString());
                }
                current = new StringBuilder();
            }
            if (current == null) {
                prelude += line + "\n";
            } else {
                current.append(line).append("\n");
            }
        }
        Map<Integer, String> byMinor = new TreeMap<>();
        for (String entry : entries) {
            Matcher m = Pattern.compile("^  - minor: \"(\\d+)\\.(\\d+)\"").matcher(entry);
            if (!m.find()) {
                throw new IllegalStateException("unexpected entry: " + entry);
            }
            int key = Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2));
            byMinor.put(key, entry);
        }
        for (int minor = facts.oldest; minor <= facts.newest; minor++) {
            byMinor.putIfAbsent(3000 + minor, "  - minor: \"3." + minor + "\"\n    status: supported\n    latest_patch: null\n"
                    + "    stacks: []\n    end_of_life: \"" + (2011 + minor + 5) + "-10-31\"\n    removed_from_buildpack: null\n"
                    + "    removal_date: null\n");
        }
        StringBuilder pythons = new StringBuilder();
        for (Map.Entry<Integer, String> e : byMinor.entrySet()) {
            pythons.append(e.getKey() / 1000 == 3 ? update(e.getValue(), e.getKey() % 1000, facts) : e.getValue());
        }
        String body = prelude + pythons;
        return head + body.replaceAll("\n+$", "\n");
    }

    private static String update(String entry, int minor, Facts facts) {
        if (minor < facts.oldest) {
            if (entry.contains("    status: end-of-life\n")) {
                return entry;
            }
            entry = field(entry, "removed_from_buildpack", "{version: \"" + facts.release + "\", date: \"" + facts.releaseDate + "\"}");
            return field(field(field(field(entry, "status", "end-of-life"), "latest_patch", "null"), "stacks", "[]"), "removal_date", "null");
        }
        String removal = facts.removalDates.get(minor);
        entry = field(entry, "status", removal != null ? "deprecated" : "supported");
        entry = field(entry, "latest_patch", facts.latest.containsKey(minor) ? "\"" + facts.latest.get(minor) + "\"" : "null");
        entry = field(entry, "stacks", "[" + String.join(", ", facts.stacks.getOrDefault(minor, List.of())) + "]");
        return field(entry, "removal_date", removal != null ? "\"" + removal + "\"" : "null");
    }

    private static String field(String entry, String key, String value) {
        return entry.replaceFirst("(?m)^    " + key + ": .*$", Matcher.quoteReplacement("    " + key + ": " + value));
    }

    private static String replaceLine(String text, String regex, String replacement) {
        Matcher m = Pattern.compile("(?m)" + regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("python-versions.yaml has no line matching " + regex);
        }
        return m.replaceFirst(Matcher.quoteReplacement(replacement));
    }

    private static Map<Integer, String> latestPatches(String versions) {
        Map<Integer, String> latest = new TreeMap<>();
        Matcher m = LATEST.matcher(versions);
        while (m.find()) {
            latest.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        return latest;
    }

    private static Map<Integer, String> deprecations(String versions) {
        Map<Integer, String> dates = new TreeMap<>();
        Matcher m = DEPRECATED.matcher(versions);
        while (m.find()) {
            int month = java.time.Month.valueOf(m.group(3).toUpperCase(Locale.ROOT)).getValue();
            dates.put(Integer.parseInt(m.group(1)), LocalDate.of(Integer.parseInt(m.group(4)), month, Integer.parseInt(m.group(2))).toString());
        }
        return dates;
    }

    /** Minor to the stacks build_python_runtime.sh builds it for, in the table's stack order (by name). */
    private static Map<Integer, List<String>> stacks(String runtime) {
        Map<Integer, TreeSet<String>> byMinor = new TreeMap<>();
        Matcher m = STACK_ARM.matcher(runtime);
        while (m.find()) {
            for (String version : m.group(2).replace("\"", " ").trim().split("\\s+")) {
                for (String stack : m.group(1).split("\\|")) {
                    byMinor.computeIfAbsent(Integer.parseInt(version.substring(2)), k -> new TreeSet<>()).add(stack.trim());
                }
            }
        }
        Map<Integer, List<String>> out = new TreeMap<>();
        byMinor.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    private static int intVar(String script, String name) {
        return Integer.parseInt(stringVar(script, name));
    }

    private static String stringVar(String script, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=\"?([^\"\\n]*)\"?$").matcher(script);
        if (!m.find()) {
            throw new IllegalStateException("lib/python_version.sh does not set " + name);
        }
        return m.group(1);
    }

    private static String git(String dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed in " + dir);
        }
        return out;
    }
}
