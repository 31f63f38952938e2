package dev.deploylint.cli;

import dev.deploylint.parse.json.JsonDocument;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.parse.python.PythonParser;
import dev.deploylint.rules.BuiltInRules;
import dev.deploylint.source.SourceFile;
import java.util.Optional;

/**
 * Loads and first runs the Python parser (ANTLR deserialises its grammar in a static initialiser),
 * the settings evaluator, the JSON reader and the rules on a second core while picocli reads the
 * command line, so a one-app run waits less for class loading and cold code.
 * The work is the same the lint does first; nothing depends on it having finished.
 */
final class Warmup {

    private Warmup() {
    }

    static void start() {
        Thread thread = new Thread(() -> {
            try {
                warm();
            } catch (RuntimeException | StackOverflowError e) {
                // Only a head start: the lint itself meets and reports any real problem.
            }
        }, "deploylint-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warm() {
        PythonModule module = PythonParser.parse(SourceFile.of("warmup.py",
                "import os\nX = os.environ.get('A', [1, {'b': (2,)}])\nif X:\n    Y = X + ['c']\n"));
        ModuleEvaluator.evaluate(new ModuleEvaluator.LoadedModule("warmup", false, module), name -> Optional.empty());
        JsonDocument.parse(SourceFile.of("warmup.json", "{\"a\": [1, true, null, \"b\"]}"));
        BuiltInRules.ALL.size();
    }
}
