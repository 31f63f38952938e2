package dev.deploylint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.cli.Main;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@code deploylint lsp} through LSP4J's client launcher over piped streams, as an editor
 * would, and compares its diagnostics with what {@code deploylint check} reports for the same app.
 */
class LanguageServerTest {

    private static final Pattern COMPACT = Pattern.compile("^(.+):(\\d+):(\\d+): (\\S+) (error|warning|note): (.*)$");
    private static final long WAIT_MS = 60_000;

    @TempDir
    Path temp;

    private Path app;
    private RecordingClient client;
    private LanguageServer server;
    private CompletableFuture<Integer> serving;
    private Future<Void> clientListening;

    @BeforeEach
    void startServer() throws Exception {
        app = temp.resolve("app");
        copy(Path.of("fixtures/apps/heroku-django-2016"), app);
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedOutputStream fromServer = new PipedOutputStream();
        PipedInputStream clientIn = new PipedInputStream(fromServer, 1 << 16);
        serving = CompletableFuture.supplyAsync(() -> LspCommand.serve(serverIn, fromServer));
        client = new RecordingClient();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
        server = launcher.getRemoteProxy();
        clientListening = launcher.startListening();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        init.setWorkspaceFolders(List.of(new org.eclipse.lsp4j.WorkspaceFolder(app.toUri().toString(), "app")));
        InitializeResult result = server.initialize(init).get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertEquals(TextDocumentSyncKind.Full, result.getCapabilities().getTextDocumentSync().getRight().getChange());
        assertEquals(dev.deploylint.cli.VersionProvider.version(), result.getServerInfo().getVersion());
        server.initialized(new InitializedParams());
    }

    @AfterEach
    void stopClient() {
        clientListening.cancel(true);
    }

    @Test
    void diagnosticsMatchCheckAndClearWhenFixed() throws Exception {
        Path settings = app.resolve("myproject/settings.py");
        String text = Files.readString(settings);
        open(settings, text);

        Map<String, Set<String>> expected = checkReport(app);
        assertTrue(expected.get(settings.toString()).stream().anyMatch(line -> line.contains(" DJ003 warning ")),
                "the fixture's settings must have DEBUG = True: " + expected);
        Map<String, Set<String>> shown = awaitDiagnostics(expected::equals);
        assertEquals(expected, shown);

        Diagnostic debug = client.latest(settings).stream()
                .filter(d -> d.getCode().getLeft().equals("DJ003")).findFirst().orElseThrow();
        assertEquals("deploylint", debug.getSource());
        assertEquals(DiagnosticSeverity.Warning, debug.getSeverity());
        assertEquals(Files.readAllLines(settings).get(debug.getRange().getStart().getLine()).length(),
                debug.getRange().getEnd().getCharacter(), "the range runs to the end of the line");

        // Unsaved text counts: the file on disk still says DEBUG = True.
        change(settings, text.replace("DEBUG = True", "DEBUG = False"));
        Map<String, Set<String>> fixed = new TreeMap<>(expected);
        fixed.put(settings.toString(), without(expected.get(settings.toString()), " DJ003 "));
        assertEquals(fixed, awaitDiagnostics(fixed::equals));
        assertTrue(Files.readString(settings).contains("DEBUG = True"), "the overlay is never written to disk");

        // A file whose only finding goes away gets an empty list, so the editor clears it.
        Path procfile = app.resolve("Procfile");
        open(procfile, Files.readString(procfile));
        change(procfile, "web: gunicorn myproject.wsgi\n");
        Map<String, Set<String>> procfileClean = new TreeMap<>(fixed);
        procfileClean.remove(procfile.toString());
        assertEquals(procfileClean, awaitDiagnostics(procfileClean::equals));
        assertEquals(List.of(), client.latest(procfile));

        // Closing the settings drops its overlay: the saved DEBUG = True is back.
        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(settings.toUri().toString())));
        Map<String, Set<String>> closed = new TreeMap<>(procfileClean);
        closed.put(settings.toString(), expected.get(settings.toString()));
        assertEquals(closed, awaitDiagnostics(closed::equals));

        shutdownAndExit();
    }

    @Test
    void brokenConfigurationIsLoggedAndTheServerKeepsServing() throws Exception {
        Files.writeString(app.resolve(".deploylint.yml"), "select: [NOT-A-RULE\n");
        Path settings = app.resolve("myproject/settings.py");
        open(settings, Files.readString(settings));
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (client.logs.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(client.logs.isEmpty(), "a broken configuration is logged");
        assertTrue(client.logs.get(0).contains(".deploylint.yml"), client.logs.toString());
        assertTrue(client.diagnostics.isEmpty(), "nothing is published from a broken configuration: " + client.diagnostics);

        // Still serving: once the configuration is gone, saving the settings lints the app.
        Files.delete(app.resolve(".deploylint.yml"));
        server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(settings.toUri().toString())));
        Map<String, Set<String>> expected = checkReport(app);
        assertEquals(expected, awaitDiagnostics(expected::equals));
        shutdownAndExit();
    }

    @Test
    void exitWithoutShutdownEndsWithCodeOne() throws Exception {
        server.exit();
        assertEquals(1, serving.get(WAIT_MS, TimeUnit.MILLISECONDS));
    }

    private void shutdownAndExit() throws Exception {
        server.shutdown().get(WAIT_MS, TimeUnit.MILLISECONDS);
        server.exit();
        assertEquals(0, serving.get(WAIT_MS, TimeUnit.MILLISECONDS), "exit after shutdown ends the server with code 0");
    }

    private void open(Path file, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(file.toUri().toString(), file.getFileName().toString().endsWith(".py") ? "python" : "plaintext", 1, text)));
    }

    private int version = 1;

    private void change(Path file, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(file.toUri().toString(), ++version),
                List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** The latest diagnostics once {@code done} accepts them, else whatever was shown at the deadline. */
    private Map<String, Set<String>> awaitDiagnostics(Predicate<Map<String, Set<String>>> done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        Map<String, Set<String>> shown = client.asCompact();
        while (!done.test(shown) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            shown = client.asCompact();
        }
        return shown;
    }

    /** {@code deploylint check --format compact}'s findings, by absolute file, as "line:col ID severity message". */
    private static Map<String, Set<String>> checkReport(Path app) {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"check", "--format", "compact", "--fail-on", "never", app.toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code, out.toString());
        Map<String, Set<String>> byFile = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = COMPACT.matcher(line);
            if (m.matches()) {
                byFile.computeIfAbsent(m.group(1), f -> new TreeSet<>())
                        .add(m.group(2) + ":" + m.group(3) + " " + m.group(4) + " " + m.group(5) + " " + m.group(6));
            }
        }
        assertFalse(byFile.isEmpty(), "check reports findings for the fixture: " + out);
        return byFile;
    }

    private static Set<String> without(Set<String> lines, String marker) {
        Set<String> kept = new TreeSet<>(lines);
        assertTrue(kept.removeIf(line -> line.contains(marker)));
        return kept;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** A client that keeps the latest diagnostics of each file and every log message. */
    static final class RecordingClient implements LanguageClient {
        final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
        final List<String> logs = new CopyOnWriteArrayList<>();

        List<Diagnostic> latest(Path file) {
            return diagnostics.get(file.toUri().toString());
        }

        /** Non-empty diagnostics as check's compact lines, by absolute file (ASCII fixture: UTF-16 = code points). */
        Map<String, Set<String>> asCompact() {
            Map<String, Set<String>> byFile = new TreeMap<>();
            diagnostics.forEach((uri, list) -> {
                for (Diagnostic d : list) {
                    String severity = switch (d.getSeverity()) {
                        case Error -> "error";
                        case Warning -> "warning";
                        default -> "note";
                    };
                    byFile.computeIfAbsent(Path.of(URI.create(uri)).toString(), f -> new TreeSet<>())
                            .add((d.getRange().getStart().getLine() + 1) + ":" + (d.getRange().getStart().getCharacter() + 1)
                                    + " " + d.getCode().getLeft() + " " + severity + " " + d.getMessage());
                }
            });
            return byFile;
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.put(params.getUri(), List.copyOf(params.getDiagnostics()));
        }

        @Override
        public void logMessage(MessageParams message) {
            logs.add(message.getMessage());
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
