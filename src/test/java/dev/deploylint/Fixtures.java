package dev.deploylint;

import dev.deploylint.lint.Linter;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.project.Project;
import dev.deploylint.report.AppReport;
import dev.deploylint.report.CompactReporter;
import dev.deploylint.report.SourceLines;
import dev.deploylint.rules.BuiltInRules;
import dev.deploylint.rules.data.PythonVersionTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The fixture apps under {@code fixtures/} and how the tests lint them. */
public final class Fixtures {

    public static final Path ROOT = Path.of(System.getProperty("deploylint.fixtures", "fixtures"));
    public static final RuleCatalog CATALOG = RuleCatalog.load(BuiltInRules.ids());
    public static final Linter LINTER = new Linter(BuiltInRules.ALL, CATALOG);

    private Fixtures() {
    }

    /** Every fixture app: a folder with a sibling {@code <name>.expected} file, by path relative to fixtures/. */
    public static List<String> apps() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".expected"))
                    .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                    .map(p -> p.substring(0, p.length() - ".expected".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Linter.LintResult lint(String app) throws IOException {
        return LINTER.lint(Project.open(ROOT.resolve(app), PythonVersionTable.get().defaultStack()));
    }

    /** The findings in the compact format, one line each, paths relative to the app root. */
    public static String compact(Linter.LintResult result) throws IOException {
        StringBuilder out = new StringBuilder();
        new CompactReporter().write(List.of(AppReport.of(".", result.findings(), SourceLines.none())), CATALOG, out);
        return out.toString();
    }
}
