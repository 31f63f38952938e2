package dev.deploylint.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.lint.Linter;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.source.SourceFile;
import dev.deploylint.rules.BuiltInRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work that grows with the square of the input, caught by counting, not by timing: a Procfile
 * of 20,000 lines once took 5.5 s because PF008 looked every process type up again by scanning
 * them all. (EvaluationBudgetTest counts the settings evaluator's branches.)
 */
class LinearWorkTest {

    @TempDir
    Path dir;

    /** A list that counts how often its elements are read. */
    private static final class CountingList<T> extends AbstractList<T> implements RandomAccess {
        private final List<T> items;
        long reads;

        CountingList(List<T> items) {
            this.items = items;
        }

        @Override
        public T get(int index) {
            reads++;
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    /** How many times every rule together reads a process type of a Procfile of {@code types} types, each defined twice. */
    private long procfileReads(int types) throws IOException {
        StringBuilder text = new StringBuilder("web: gunicorn site.wsgi\n");
        for (int i = 0; i < types; i++) {
            text.append("worker").append(i).append(": celery -A site worker\n");
        }
        for (int i = 0; i < types; i++) {
            text.append("worker").append(i).append(": celery -A site worker -B\n");
        }
        Path app = Files.createDirectories(dir.resolve("app" + types));
        Files.writeString(app.resolve("Procfile"), text);
        Files.writeString(app.resolve("requirements.txt"), "django==5.2.8\ngunicorn==23.0.0\ncelery==5.5.0\n");
        Files.writeString(app.resolve(".python-version"), "3.12\n");
        Procfile parsed = Procfile.parse(SourceFile.of("Procfile", text.toString()));
        CountingList<Procfile.Process> processes = new CountingList<>(parsed.processes());
        Procfile counted = new Procfile(parsed.file(), processes, parsed.invalidLines());
        Project project = Project.open(app, "heroku-24");
        project.view(Procfile.class, p -> Optional.of(counted));

        Linter.LintResult result = new Linter(BuiltInRules.ALL, RuleCatalog.load(BuiltInRules.ids())).lint(project);

        assertEquals(types, result.findings().stream().filter(f -> f.ruleId().equals("PF008")).count(), "every first definition is reported");
        return processes.reads;
    }

    @Test
    void everyRuleTogetherReadsAProcfileAFixedNumberOfTimesPerLine() throws IOException {
        long small = procfileReads(1_000);
        long large = procfileReads(4_000);

        // Linear work reads 4 times as often for 4 times the lines; a lookup per line would read 16 times as often.
        assertTrue(large <= 5 * small, "1,000 types: " + small + " reads, 4,000 types: " + large);
        assertTrue(large <= 40L * 8_001, "reads per process line: " + large / 8_001.0);
    }
}
