package dev.deploylint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code deploylint uninstall-hook}: removes the pre-push hook and puts back the hook it kept, if any. */
@CommandLine.Command(name = "uninstall-hook", mixinStandardHelpOptions = true,
        description = "Remove deploylint's git pre-push hook and restore the hook that was there before it.")
final class UninstallHookCommand implements Callable<Integer> {

    @CommandLine.Parameters(paramLabel = "REPO", arity = "0..1", description = "A folder inside the git repository (default: .).")
    private Path repo = Path.of(".");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path hooks = InstallHookCommand.hooksFolder(repo);
        Path hook = hooks.resolve("pre-push");
        Path chained = hooks.resolve(InstallHookCommand.CHAINED);
        if (!Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS) || !InstallHookCommand.isOurs(hook)) {
            throw new UsageException("no deploylint pre-push hook in " + hooks);
        }
        if (Files.exists(chained, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(chained, hook, StandardCopyOption.REPLACE_EXISTING);
            out.println("removed deploylint's hook and restored your pre-push hook in " + hooks);
        } else {
            Files.delete(hook);
            out.println("removed " + hook);
        }
        out.flush();
        return ExitCode.CLEAN;
    }
}
