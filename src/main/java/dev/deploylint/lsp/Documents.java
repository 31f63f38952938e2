package dev.deploylint.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The open documents and their unsaved text. Every open, change, save and close of a file inside
 * an app lints that app again and publishes the diagnostics of all its files, with an empty list
 * for each file whose diagnostics went away. Notifications arrive one at a time on LSP4J's reader
 * thread, so linting here is sequential; nothing that goes wrong in a lint stops the server.
 */
final class Documents implements TextDocumentService {

    private final AppDiagnostics diagnostics = new AppDiagnostics();
    private final Map<Path, String> open = new HashMap<>();
    private final Map<Path, String> clientUris = new HashMap<>();
    private final Map<Path, Set<Path>> published = new HashMap<>();
    private LanguageClient client;

    void connect(LanguageClient languageClient) {
        client = languageClient;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        path(params.getTextDocument().getUri()).ifPresent(file -> {
            clientUris.put(file, params.getTextDocument().getUri());
            open.put(file, params.getTextDocument().getText());
            lintAppOf(file);
        });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
        if (changes.isEmpty()) {
            return;
        }
        // Full sync: the last change holds the whole text.
        path(params.getTextDocument().getUri()).ifPresent(file -> {
            open.put(file, changes.get(changes.size() - 1).getText());
            lintAppOf(file);
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        path(params.getTextDocument().getUri()).ifPresent(this::lintAppOf);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        path(params.getTextDocument().getUri()).ifPresent(file -> {
            open.remove(file);
            lintAppOf(file);
        });
    }

    private Optional<Path> path(String uri) {
        try {
            URI parsed = URI.create(uri);
            return "file".equals(parsed.getScheme()) ? Optional.of(Path.of(parsed).toAbsolutePath().normalize()) : Optional.empty();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            log(MessageType.Warning, "deploylint: ignoring a document it cannot locate: " + uri);
            return Optional.empty();
        }
    }

    private void lintAppOf(Path file) {
        Optional<Path> app = AppDiagnostics.appHolding(file);
        if (app.isEmpty()) {
            return;
        }
        Map<Path, List<Diagnostic>> byFile;
        try {
            byFile = diagnostics.lint(app.get(), open, message -> log(MessageType.Error, "deploylint: " + message));
        } catch (dev.deploylint.config.ConfigException e) {
            log(MessageType.Error, "deploylint: " + app.get() + ": " + e.getMessage());
            return;
        } catch (Exception | StackOverflowError | OutOfMemoryError | LinkageError e) {
            // A bug in deploylint or an unreadable app: keep serving and keep the last diagnostics.
            log(MessageType.Error, "deploylint: linting " + app.get() + " failed: " + e);
            return;
        }
        Set<Path> before = published.getOrDefault(app.get(), Set.of());
        for (Path gone : before) {
            if (!byFile.containsKey(gone)) {
                publish(gone, List.of());
            }
        }
        byFile.forEach(this::publish);
        published.put(app.get(), new HashSet<>(byFile.keySet()));
    }

    private void publish(Path file, List<Diagnostic> list) {
        if (client != null) {
            String uri = clientUris.getOrDefault(file, file.toUri().toString());
            client.publishDiagnostics(new PublishDiagnosticsParams(uri, list));
        }
    }

    private void log(MessageType type, String message) {
        if (client != null) {
            client.logMessage(new MessageParams(type, message));
        }
    }
}
