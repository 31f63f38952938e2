package dev.deploylint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.Fixtures;
import dev.deploylint.rules.BuiltInRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps rules/*.yaml, the rule classes, the fixtures and the README's rule table in step. */
class CatalogTest {

    private static final Path RULES = Path.of(System.getProperty("deploylint.rules", "rules"));
    private static final Path README = Path.of(System.getProperty("deploylint.readme", "README.md"));

    static List<String> ids() {
        return BuiltInRules.ids();
    }

    @Test
    void ruleFilesHaveNoDuplicateKeys() throws IOException {
        try (var files = Files.list(java.nio.file.Path.of("rules"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                java.util.Set<String> keys = new java.util.HashSet<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    java.util.regex.Matcher key = java.util.regex.Pattern.compile("^([a-z][a-z-]*):").matcher(line);
                    if (key.find()) {
                        assertTrue(keys.add(key.group(1)), file + " sets `" + key.group(1) + "` twice; the last one would win silently");
                    }
                }
            }
        }
    }

    @Test
    void everyYamlFileHasARuleClassAndViceVersa() throws IOException {
        Set<String> files = new HashSet<>();
        try (Stream<Path> list = Files.list(RULES)) {
            list.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> files.add(p.getFileName().toString().replace(".yaml", "")));
        }
        assertEquals(files, new HashSet<>(BuiltInRules.ids()));
        assertEquals(BuiltInRules.ids().size(), new HashSet<>(BuiltInRules.ids()).size(), "duplicate rule ids");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void metadataIsComplete(String id) {
        RuleMetadata rule = Fixtures.CATALOG.get(id);
        assertEquals(id, rule.id());
        assertTrue(id.matches("(PF|PY|RQ|ST|DB|DJ|BP|HK|NJ|DL)\\d{3}"), "id shape: " + id);
        assertTrue(rule.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), "kebab-case name: " + rule.name());
        assertFalse(rule.summary().contains("\n") || rule.summary().endsWith("."), "one-line summary without final period");
        int last = -1;
        for (String heading : RuleMetadata.DOC_HEADINGS) {
            int at = rule.docs().indexOf(heading + "\n");
            assertTrue(at > last, id + " docs lack or misorder heading " + heading);
            last = at;
        }
        assertFalse(rule.fixHint().isEmpty(), "fix hint");
        assertFalse(rule.references().isEmpty(), "references");
        assertTrue(rule.docs().contains("\n```"), id + " docs show no example in a code block");
    }

    /** Both fields are written out in every file: no default hides a rule nobody classified. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void phaseAndAppliesToAreExplicit(String id) throws IOException {
        List<String> lines = Files.readAllLines(RULES.resolve(id + ".yaml"), StandardCharsets.UTF_8);
        assertTrue(lines.stream().anyMatch(line -> line.matches("phase: (setup|build|release|web)")), id + " states no phase");
        assertTrue(lines.stream().anyMatch(line -> line.matches("applies-to: (buildpack|container|both)")), id + " states no applies-to");
        assertTrue(lines.stream().anyMatch(line -> line.matches("fix: (safe|unsafe|none)")), id + " states no fix applicability");
    }

    @Test
    void fixIsRequiredAndAnUnsafeFixSaysWhy() {
        Map<String, Object> yaml = new java.util.LinkedHashMap<>(Map.of("id", "PF001", "name", "procfile-missing",
                "category", "procfile", "severity", "error", "summary", "s", "docs", "d", "since", "0.1.0", "phase", "web"));
        yaml.put("applies-to", "both");
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> RuleCatalog.parse("PF001.yaml", yaml));
        assertTrue(missing.getMessage().contains("'fix' is missing"), missing.getMessage());
        yaml.put("fix", "maybe");
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> RuleCatalog.parse("PF001.yaml", yaml));
        assertTrue(unknown.getMessage().contains("'fix' has the unknown value 'maybe'"), unknown.getMessage());
        yaml.put("fix", "unsafe");
        IllegalStateException why = assertThrows(IllegalStateException.class, () -> RuleCatalog.parse("PF001.yaml", yaml));
        assertTrue(why.getMessage().contains("'fix-why' is missing"), why.getMessage());
        yaml.put("fix-why", "the app may read it");
        assertEquals(Applicability.UNSAFE, RuleCatalog.parse("PF001.yaml", yaml).fix());
        assertEquals("the app may read it", RuleCatalog.parse("PF001.yaml", yaml).fixWhy());
        yaml.put("fix", "safe");
        IllegalStateException stray = assertThrows(IllegalStateException.class, () -> RuleCatalog.parse("PF001.yaml", yaml));
        assertTrue(stray.getMessage().contains("'fix-why' is only for `fix: unsafe`"), stray.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void theBuildsAppliesToIndexAgreesWithTheMetadata(String id) {
        assertTrue(PackedYaml.load("/rules/" + RuleCatalog.APPLIES_TO_INDEX) instanceof Map<?, ?> index && index.containsKey(id),
                "the build packs an applies-to index holding " + id);
        assertEquals(Fixtures.CATALOG.get(id).appliesTo(), Fixtures.CATALOG.appliesTo(id));
    }

    @Test
    void aRuleWithoutAppliesToIsRejected() {
        Map<String, Object> yaml = new java.util.LinkedHashMap<>(Map.of("id", "PF001", "name", "procfile-missing",
                "category", "procfile", "severity", "error", "summary", "s", "docs", "d", "since", "0.1.0", "phase", "web"));
        yaml.put("fix", "none");
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> RuleCatalog.parse("PF001.yaml", yaml));
        assertTrue(missing.getMessage().contains("'applies-to' is missing"), missing.getMessage());
        yaml.put("applies-to", "heroku");
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> RuleCatalog.parse("PF001.yaml", yaml));
        assertTrue(unknown.getMessage().contains("'applies-to' has the unknown value 'heroku'"), unknown.getMessage());
        yaml.put("applies-to", "container");
        assertEquals(AppliesTo.CONTAINER, RuleCatalog.parse("PF001.yaml", yaml).appliesTo());
    }

    @Test
    void namesAreUnique() {
        Set<String> names = new HashSet<>();
        Fixtures.CATALOG.all().forEach(r -> assertTrue(names.add(r.name()), "duplicate name " + r.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void everyRuleHasAFailingAndAPassingFixture(String id) throws IOException {
        List<String> apps = Fixtures.apps().stream().filter(a -> a.startsWith(id + "/")).toList();
        List<String> failing = apps.stream().filter(a -> a.startsWith(id + "/fails-")).toList();
        List<String> passing = apps.stream().filter(a -> a.startsWith(id + "/passes-")).toList();
        assertFalse(failing.isEmpty(), id + " has no fixtures/" + id + "/fails-* app");
        assertFalse(passing.isEmpty(), id + " has no fixtures/" + id + "/passes-* app");
        for (String app : failing) {
            assertTrue(expected(app).stream().anyMatch(line -> line.contains(": " + id + " ")), app + " does not trigger " + id);
        }
        for (String app : passing) {
            assertTrue(expected(app).stream().noneMatch(line -> line.contains(": " + id + " ")), app + " triggers " + id);
        }
    }

    /** The rule rows (starting with an id in backticks) of the README section under {@code heading}. */
    private static List<String> readmeRows(String heading) throws IOException {
        List<String> rows = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inside = line.equals(heading);
            } else if (inside && line.matches("\\| `[A-Z]{2}\\d{3}` \\|.*")) {
                rows.add(line);
            }
        }
        return rows;
    }

    @Test
    void readmeSeverityPolicyNamesEveryRuleWithItsSeverity() throws IOException {
        List<String> rows = readmeRows("## Severity policy").stream()
                .map(row -> String.join(" ", java.util.Arrays.copyOfRange(row.split(" \\| "), 0, 2)))
                .toList();
        List<String> expected = Fixtures.CATALOG.all().stream().map(r -> "| `" + r.id() + "` " + r.severity().label()).toList();
        assertEquals(String.join("\n", expected), String.join("\n", rows), "README severity policy (keep it in step with rules/*.yaml)");
    }

    @Test
    void readmeRuleTableListsEveryRule() throws IOException {
        List<String> rows = readmeRows("## Rules");
        List<String> expected = Fixtures.CATALOG.all().stream()
                .map(r -> "| `" + r.id() + "` | `" + r.name() + "` | " + r.category().label() + " | " + r.severity().label()
                        + " | " + r.phase().label() + " | " + r.appliesTo().label() + " | " + r.fix().label() + " | " + r.summary() + " |")
                .toList();
        assertEquals(String.join("\n", expected), String.join("\n", rows), "README rule table (regenerate it from the catalogue)");
    }

    @Test
    void readmeListsTheRulesOfEachDeployStyle() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertEquals(idsApplyingTo(AppliesTo.BUILDPACK), listed(readme, "Rules that apply to buildpack apps only \\((\\d+)\\): (.*?)\\. They"));
        assertEquals(idsApplyingTo(AppliesTo.BOTH), listed(readme, "Rules that apply to both \\((\\d+)\\): (.*?): the settings"));
    }

    private static List<String> idsApplyingTo(AppliesTo appliesTo) {
        return Fixtures.CATALOG.all().stream().filter(r -> r.appliesTo() == appliesTo).map(RuleMetadata::id).toList();
    }

    private static List<String> listed(String readme, String pattern) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(readme);
        assertTrue(m.find(), "README lacks: " + pattern);
        List<String> ids = java.util.Arrays.stream(m.group(2).split(", ")).map(id -> id.replace("`", "")).toList();
        assertEquals(Integer.parseInt(m.group(1)), ids.size(), "the count written before the list");
        return ids;
    }

    private static List<String> expected(String app) throws IOException {
        return Files.readAllLines(Fixtures.ROOT.resolve(app + ".expected"), StandardCharsets.UTF_8);
    }
}
