package dev.deploylint.bench;

import dev.deploylint.project.FileTree;
import dev.deploylint.project.Project;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Loading an app into the project model: {@code open} lists its files (Project.open);
 * {@code openAndRead} also reads and decodes the text of every listed file, as rules would ask for it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class LoadApp {

    @Param({"heroku-django-2016", "heroku-django-today"})
    public String app;

    private Path root;

    @Setup
    public void locate() {
        root = BenchApps.app(app);
    }

    @Benchmark
    public Project open() throws IOException {
        return BenchApps.open(root);
    }

    @Benchmark
    public Project openAndRead(Blackhole hole) throws IOException {
        Project project = BenchApps.open(root);
        project.files().entries().forEach((path, kind) -> {
            if (kind != FileTree.Kind.DIRECTORY) {
                hole.consume(project.text(path));
            }
        });
        return project;
    }
}
