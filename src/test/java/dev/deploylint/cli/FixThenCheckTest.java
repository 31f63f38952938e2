package dev.deploylint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.Fixtures;
import dev.deploylint.lint.Applicability;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Linter;
import dev.deploylint.lint.RuleMetadata;
import dev.deploylint.parse.python.PythonParser;
import dev.deploylint.project.Project;
import dev.deploylint.source.SourceFile;
import dev.deploylint.rules.data.PythonVersionTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over every fixture: copy it, apply the safe fixes, then the unsafe ones, then lint again. Every
 * fixed finding is gone, no rule reports more than before, nothing fixable is left, a second fix
 * changes nothing, no fix is refused, and every Python file still parses as well as it did.
 */
class FixThenCheckTest {

    /** The rules whose fixes some fixture exercised: every rule whose metadata offers a fix must be among them. */
    private static final Set<String> EXERCISED = ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.atomic.AtomicInteger RAN = new java.util.concurrent.atomic.AtomicInteger();

    @TempDir
    Path temp;

    static List<String> apps() {
        return Fixtures.apps();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void fixingRemovesTheFixedFindingsAndAddsNone(String app) throws IOException {
        RAN.incrementAndGet();
        if (lint(Fixtures.ROOT.resolve(app)).stream().noneMatch(Finding::fixable)) {
            return; // nothing to fix: the fixture stays as it is
        }
        Path copy = temp.resolve("app");
        copyTree(Fixtures.ROOT.resolve(app), copy);
        Map<String, String> pythonBefore = python(copy);
        List<Finding> before = lint(copy);
        Map<String, Integer> fixedPerRule = new TreeMap<>();
        fixAll(copy, Applicability.SAFE, fixedPerRule);
        fixAll(copy, Applicability.UNSAFE, fixedPerRule);
        List<Finding> after = lint(copy);

        Map<String, Long> countBefore = before.stream().collect(Collectors.groupingBy(Finding::ruleId, TreeMap::new, Collectors.counting()));
        Map<String, Long> countAfter = after.stream().collect(Collectors.groupingBy(Finding::ruleId, TreeMap::new, Collectors.counting()));
        for (Map.Entry<String, Long> rule : countAfter.entrySet()) {
            long was = countBefore.getOrDefault(rule.getKey(), 0L);
            long fixed = fixedPerRule.getOrDefault(rule.getKey(), 0);
            assertTrue(rule.getValue() <= was - fixed, app + ": " + rule.getKey() + " had " + was + " findings, " + fixed
                    + " were fixed, and " + rule.getValue() + " remain: " + after);
        }
        assertEquals(List.of(), after.stream().filter(f -> f.fixable() && !f.suppressed()).toList(), app + ": fixable findings remain");
        assertTrue(Fixer.plan(copy, after).isEmpty(), app + ": a second fix would change something");
        Map<String, String> pythonAfter = python(copy);
        for (Map.Entry<String, String> module : pythonAfter.entrySet()) {
            int was = pythonBefore.containsKey(module.getKey()) ? problems(module.getKey(), pythonBefore.get(module.getKey())) : 0;
            assertTrue(problems(module.getKey(), module.getValue()) <= was, app + ": " + module.getKey() + " no longer parses:\n" + module.getValue());
        }
        EXERCISED.addAll(fixedPerRule.keySet());
    }

    @AfterAll
    static void everyRuleThatOffersAFixHasAFixtureItFixes() {
        if (RAN.get() < apps().size()) {
            return; // only some fixtures ran (-Dtest=...#method[...])
        }
        List<String> offering = Fixtures.CATALOG.all().stream().filter(r -> r.fix() != Applicability.NONE).map(RuleMetadata::id).toList();
        assertEquals(offering, offering.stream().filter(EXERCISED::contains).toList(), "rules whose `fix:` no fixture exercises");
    }

    private void fixAll(Path app, Applicability upTo, Map<String, Integer> fixedPerRule) throws IOException {
        for (int pass = 0; pass < FixRun.MAX_PASSES; pass++) {
            List<Finding> eligible = lint(app).stream().filter(f -> f.fixable() && !f.suppressed())
                    .filter(f -> {
                        Applicability rule = Fixtures.CATALOG.get(f.ruleId()).fix();
                        return rule == Applicability.SAFE || rule == upTo;
                    }).toList();
            Fixer.Plan plan = Fixer.plan(app, eligible);
            assertEquals(List.of(), plan.refused(), "refused fixes");
            if (plan.isEmpty()) {
                return;
            }
            Fixer.write(app, plan);
            plan.fixed().forEach(f -> fixedPerRule.merge(f.ruleId(), 1, Integer::sum));
        }
        throw new AssertionError("fixes did not settle after " + FixRun.MAX_PASSES + " passes");
    }

    private static List<Finding> lint(Path app) throws IOException {
        Linter.LintResult result = Fixtures.LINTER.lint(Project.open(app, PythonVersionTable.get().defaultStack()));
        assertTrue(result.failures().isEmpty(), () -> "rules crashed: " + result.failures());
        return result.findings().stream().filter(f -> !f.suppressed()).toList();
    }

    private static int problems(String path, String text) {
        return PythonParser.parse(SourceFile.of(path, text)).problems().size();
    }

    private static Map<String, String> python(Path root) throws IOException {
        Map<String, String> modules = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".py") && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                modules.put(root.relativize(file).toString(), new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return modules;
    }

    static void copyTree(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(all::add);
        }
        for (Path source : all) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isSymbolicLink(source)) {
                Files.createSymbolicLink(target, Files.readSymbolicLink(source));
            } else if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }
}
