package dev.deploylint.bench;

import dev.deploylint.lint.Linter;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.project.Project;
import dev.deploylint.rules.BuiltInRules;
import dev.deploylint.rules.data.PythonVersionTable;
import java.io.IOException;
import java.nio.file.Path;

/** The fixture apps the benchmarks read, and the linter with every built-in rule, as the tests build it. */
final class BenchApps {

    /** fixtures/ of the repository; bench/jmh runs from the repository root. */
    static final Path FIXTURES = Path.of(System.getProperty("deploylint.fixtures", "fixtures")).toAbsolutePath();
    static final Linter LINTER = new Linter(BuiltInRules.ALL, RuleCatalog.load(BuiltInRules.ids()));
    static final String STACK = PythonVersionTable.get().defaultStack();

    private BenchApps() {
    }

    /** fixtures/apps/{@code name}. */
    static Path app(String name) {
        return FIXTURES.resolve("apps").resolve(name);
    }

    /** A new project for the app: its file listing only; file texts and views are loaded on first use. */
    static Project open(Path app) throws IOException {
        return Project.open(app, STACK);
    }
}
