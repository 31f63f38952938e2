package dev.deploylint.bench;

import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.PythonParser;
import dev.deploylint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
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

/**
 * Evaluating the today app's settings module, parsed once in setup. It imports only modules from
 * outside the app (os, secrets, pathlib, dj_database_url), so the module source finds none, as
 * DjangoProject's would.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class EvaluateSettings {

    private ModuleEvaluator.LoadedModule settings;

    @Setup
    public void parse() throws IOException {
        SourceFile file = SourceFile.of(ParseSettings.PATH,
                Files.readString(BenchApps.app("heroku-django-today").resolve(ParseSettings.PATH)));
        settings = new ModuleEvaluator.LoadedModule("myproject.settings", false, PythonParser.parse(file));
    }

    @Benchmark
    public ModuleEvaluator.Evaluation evaluate() {
        return ModuleEvaluator.evaluate(settings, dotted -> Optional.empty());
    }
}
