package dev.deploylint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `check` and `--version` start without loading LSP4J or Gson: the language server costs them nothing. */
class LspLoadedOnDemandTest {

    @ParameterizedTest
    @ValueSource(strings = {"--version", "check"})
    void commandsOtherThanLspLoadNoLsp4jClass(String command) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> args = command.equals("check")
                ? List.of(java, "-verbose:class", "-cp", System.getProperty("java.class.path"), "dev.deploylint.cli.Main",
                        "check", "--fail-on", "never", "fixtures/apps/heroku-django-2016")
                : List.of(java, "-verbose:class", "-cp", System.getProperty("java.class.path"), "dev.deploylint.cli.Main", command);
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("dev.deploylint.cli.Main"), "the class-loading log is there to read");
        assertFalse(output.contains("org.eclipse.lsp4j"), "LSP4J was loaded by " + command);
        assertFalse(output.contains("com.google.gson"), "Gson was loaded by " + command);
        assertFalse(output.contains("dev.deploylint.lsp."), "the lsp package was loaded by " + command);
    }
}
