package dev.deploylint.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code deploylint install-hook}: a git pre-push hook that refuses pushes the deploy would reject. */
@CommandLine.Command(name = "install-hook", mixinStandardHelpOptions = true,
        description = {"Install a git pre-push hook that runs deploylint and blocks the push on error findings.",
            "An existing hook is kept and deploylint is appended to it, unless --force is given."})
final class InstallHookCommand implements Callable<Integer> {

    static final String MARKER = "# deploylint pre-push hook";

    @CommandLine.Parameters(paramLabel = "REPO", arity = "0..1", description = "A folder inside the git repository (default: .).")
    private Path repo = Path.of(".");

    @CommandLine.Option(names = "--force", description = "Replace an existing pre-push hook instead of appending to it.")
    private boolean force;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path gitDir = gitDir(repo.toAbsolutePath().normalize());
        Path hook = gitDir.resolve("hooks").resolve("pre-push");
        String run = selfCommand() + " --color never --fail-on error . || exit 1";
        Files.createDirectories(hook.getParent());
        if (Files.exists(hook) && !force) {
            String existing = Files.readString(hook, StandardCharsets.UTF_8);
            if (existing.contains(MARKER)) {
                out.println("deploylint is already in " + hook);
                return ExitCode.CLEAN;
            }
            Files.writeString(hook, (existing.endsWith("\n") ? existing : existing + "\n") + "\n" + MARKER + "\n" + run + "\n",
                    StandardCharsets.UTF_8);
            out.println("appended deploylint to the existing " + hook);
        } else {
            Files.writeString(hook, "#!/bin/sh\n" + MARKER + ": refuses the push when the Heroku deploy would fail\n"
                    + "cd \"$(git rev-parse --show-toplevel)\" || exit 1\n" + run + "\n", StandardCharsets.UTF_8);
            out.println("installed " + hook);
        }
        makeExecutable(hook);
        out.flush();
        return ExitCode.CLEAN;
    }

    /** The repository's git folder, following a worktree's {@code .git} file. */
    private static Path gitDir(Path start) throws IOException {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.isDirectory(git)) {
                return git;
            }
            if (Files.isRegularFile(git)) {
                String line = Files.readString(git, StandardCharsets.UTF_8).strip();
                if (line.startsWith("gitdir:")) {
                    return dir.resolve(line.substring("gitdir:".length()).strip()).normalize();
                }
            }
        }
        throw new UsageException(start + " is not inside a git repository");
    }

    /** How to run this deploylint again: the launcher beside its jar, else the same JVM and class path. */
    static String selfCommand() {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            Path jar = Path.of(classPath).toAbsolutePath();
            Path launcher = jar.getParent() == null || jar.getParent().getParent() == null ? null
                    : jar.getParent().getParent().resolve("deploylint");
            if (launcher != null && Files.isExecutable(launcher)) {
                return quote(launcher.toString());
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return quote(java) + " -cp " + quote(classPath) + " dev.deploylint.cli.Main";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true);
        }
    }
}
