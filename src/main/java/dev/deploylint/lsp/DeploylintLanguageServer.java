package dev.deploylint.lsp;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The server's lifecycle: initialize, shutdown and exit. Documents and diagnostics are
 * {@link Documents}' business. Exit code 0 after shutdown, 1 when exit comes without it (as the
 * protocol asks).
 */
final class DeploylintLanguageServer implements LanguageServer, LanguageClientAware {

    private final Documents documents = new Documents();
    private final Workspace workspace = new Workspace();
    private volatile boolean shutdown;
    private volatile int exitCode = 1;
    private volatile Runnable onExit = () -> { };

    @Override
    public void connect(LanguageClient client) {
        documents.connect(client);
    }

    void onExit(Runnable action) {
        onExit = action;
    }

    int exitCode() {
        return exitCode;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        sync.setSave(new SaveOptions(false));
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(sync);
        return CompletableFuture.completedFuture(new InitializeResult(capabilities,
                new ServerInfo("deploylint", dev.deploylint.cli.VersionProvider.version())));
    }

    @Override
    public void initialized(InitializedParams params) {
        // Nothing to register: diagnostics are pushed as documents open and change.
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exitCode = shutdown ? 0 : 1;
        onExit.run();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    /** Workspace notifications are accepted and ignored until watched files are supported. */
    private static final class Workspace implements WorkspaceService {
        @Override
        public void didChangeConfiguration(org.eclipse.lsp4j.DidChangeConfigurationParams params) {
        }

        @Override
        public void didChangeWatchedFiles(org.eclipse.lsp4j.DidChangeWatchedFilesParams params) {
        }
    }
}
