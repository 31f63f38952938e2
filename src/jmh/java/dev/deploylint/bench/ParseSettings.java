package dev.deploylint.bench;

import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.parse.python.PythonParser;
import dev.deploylint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing a typical settings module (the today app's, 110 lines) from text in memory into the AST. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ParseSettings {

    static final String PATH = "myproject/settings.py";

    private SourceFile settings;

    @Setup
    public void read() throws IOException {
        settings = SourceFile.of(PATH, Files.readString(BenchApps.app("heroku-django-today").resolve(PATH)));
    }

    @Benchmark
    public PythonModule parse() {
        return PythonParser.parse(settings);
    }
}
