package dev.deploylint.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code deploylint lsp}: a language server over standard input and output. Only this package
 * touches LSP4J, and only this command loads it, so {@code check} and {@code --version} start as
 * fast as before.
 */
public final class LspCommand {

    private LspCommand() {
    }

    /** Serves until the client sends {@code exit} or closes the input; returns the exit code. */
    public static int serve(InputStream in, OutputStream out) {
        DeploylintLanguageServer server = new DeploylintLanguageServer();
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        server.onExit(() -> listening.cancel(true));
        try {
            listening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // The input closed or exit was received: either way the session is over.
        }
        return server.exitCode();
    }
}
