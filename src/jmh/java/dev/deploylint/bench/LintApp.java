package dev.deploylint.bench;

import dev.deploylint.lint.Linter;
import dev.deploylint.project.Project;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every built-in rule over one whole app, three ways, since a Project reads and parses files on
 * first use and keeps what it built:
 * <ul>
 *   <li>{@code openAndLint}: Project.open, then lint: what the command does for one app;</li>
 *   <li>{@code lintFresh}: lint a project opened (files listed, nothing read) in a per-invocation
 *       setup that is not timed: reading, parsing and evaluating the files plus the rules;</li>
 *   <li>{@code lintMemoised}: lint a project that was linted once before, so every file is read and
 *       every view built: the rules' own work over cached views, findings and suppressions.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class LintApp {

    @Param({"heroku-django-2016", "heroku-django-today"})
    public String app;

    private Path root;
    private Project fresh;
    private Project memoised;

    @Setup(Level.Trial)
    public void load() throws IOException {
        root = BenchApps.app(app);
        memoised = BenchApps.open(root);
        Linter.LintResult first = BenchApps.LINTER.lint(memoised);
        if (!first.failures().isEmpty()) {
            throw new IllegalStateException("a rule failed on " + app + ": " + first.failures());
        }
    }

    @Setup(Level.Invocation)
    public void openFresh() throws IOException {
        fresh = BenchApps.open(root);
    }

    @Benchmark
    public Linter.LintResult openAndLint() throws IOException {
        return BenchApps.LINTER.lint(BenchApps.open(root));
    }

    @Benchmark
    public Linter.LintResult lintFresh() {
        return BenchApps.LINTER.lint(fresh);
    }

    @Benchmark
    public Linter.LintResult lintMemoised() {
        return BenchApps.LINTER.lint(memoised);
    }
}
