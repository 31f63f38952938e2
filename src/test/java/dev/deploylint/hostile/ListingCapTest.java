package dev.deploylint.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Linter;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.Project;
import dev.deploylint.rules.BuiltInRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file listing stops at a cap (200,000 paths); an app with a large data folder must not get
 * false findings from it: the root and the paths rules ask for are looked up directly, and a note
 * says the listing stopped. The cap is lowered here so the test stays small.
 */
class ListingCapTest {

    private static final Path EXAMPLE = Path.of("fixtures/apps/heroku-django-today");
    private static final Linter LINTER = new Linter(BuiltInRules.ALL, RuleCatalog.load(BuiltInRules.ids()));

    @TempDir
    Path app;

    @Test
    void anAppWhoseListingStopsAtTheCapGetsTheSameFindingsAndANote() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = app.resolve(EXAMPLE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        for (String folder : List.of("aaa-data", "zzz-data")) {
            Files.createDirectories(app.resolve(folder));
            for (int i = 0; i < 100; i++) {
                Files.writeString(app.resolve(folder + "/" + i + ".csv"), "x\n");
            }
        }

        List<Finding> full = LINTER.lint(Project.open(app, "heroku-24")).findings();
        List<Finding> capped = LINTER.lint(Project.open(app, "heroku-24", Map.of(), 5)).findings();

        List<Finding> notes = capped.stream().filter(f -> f.ruleId().equals("DL001") && f.message().contains("listed only that many")).toList();
        assertEquals(1, notes.size(), capped.toString());
        assertEquals(Severity.NOTE, notes.get(0).severity());
        assertTrue(notes.get(0).message().startsWith("the app holds more than 5 files and folders"), notes.get(0).message());
        assertEquals(full, capped.stream().filter(f -> !notes.contains(f)).toList(), "no finding gained or lost through the cap");
    }
}
