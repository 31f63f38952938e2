package dev.deploylint.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * {@code deploylint install-hook}: a git pre-push hook that lints the tree of every commit being
 * pushed and refuses the push when the deploy would fail. It goes where git runs hooks ({@code git
 * rev-parse --git-path hooks}, which honours worktrees and core.hooksPath); a hook already there is
 * kept byte for byte under another name and run after deploylint with the same arguments and input.
 */
@CommandLine.Command(name = "install-hook", mixinStandardHelpOptions = true,
        description = {"Install a git pre-push hook that lints the commits being pushed and blocks the push when",
            "the configured --fail-on level is reached. An existing pre-push hook is kept and still runs after it;",
            "`deploylint uninstall-hook` restores it. Installing again refreshes the hook (say, after moving deploylint)."})
final class InstallHookCommand implements Callable<Integer> {

    static final String MARKER = "# deploylint pre-push hook";
    /** The name the user's own hook is kept under while deploylint's hook runs it. */
    static final String CHAINED = "pre-push.deploylint-chained";

    @CommandLine.Parameters(paramLabel = "REPO", arity = "0..1", description = "A folder inside the git repository (default: .).")
    private Path repo = Path.of(".");

    @CommandLine.Option(names = "--force", description = "Accepted for compatibility: an existing hook is always kept and chained.", hidden = true)
    private boolean force;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path hooks = hooksFolder(repo);
        Path hook = hooks.resolve("pre-push");
        Path chained = hooks.resolve(CHAINED);
        Files.createDirectories(hooks);
        if (Files.isDirectory(hook, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(hook + " is a folder, which git cannot run as a hook; move it away, then install again");
        }
        // A link is never ours, even when it points at a deploylint hook: it is kept (as a link) and
        // chained, and the new hook replaces the link by a rename, so nothing is written through it.
        boolean ours = Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS) && isOurs(hook);
        Set<PosixFilePermission> mode = modeOf(hook);
        if (Files.exists(hook, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !ours) {
            if (Files.exists(chained, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new UsageException(chained + " already exists; move it away, then install again");
            }
            Files.move(hook, chained);
            out.println("kept your pre-push hook as " + chained + "; it runs after deploylint");
        }
        Path temporary = Files.createTempFile(hooks, ".pre-push", ".tmp");
        Files.writeString(temporary, script(Self.find()), StandardCharsets.UTF_8);
        setMode(temporary, mode);
        Files.move(temporary, hook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.println((ours ? "refreshed " : "installed ") + hook);
        out.flush();
        return ExitCode.CLEAN;
    }

    /** The folder git runs hooks from, for the repository holding {@code repo}. */
    static Path hooksFolder(Path repo) throws IOException {
        Path dir = repo.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UsageException(repo + " is not a folder");
        }
        String hooks = GitTree.git(dir, Map.of(), "rev-parse", "--git-path", "hooks")
                .orElseThrow(() -> new UsageException(repo + " is not inside a git repository"));
        return dir.resolve(hooks.strip()).normalize();
    }

    static boolean isOurs(Path hook) throws IOException {
        return Files.readString(hook, StandardCharsets.UTF_8).contains(MARKER);
    }

    /**
     * The hook: for each pushed commit that is not a deletion, {@code deploylint check --rev SHA} at
     * the top of the working tree, with the repository's own configuration; then the kept hook.
     */
    static String script(Self self) {
        return """
                #!/bin/sh
                %s: lints each commit being pushed and refuses the push when the Heroku deploy would fail.
                # Installed by `deploylint install-hook`; `deploylint uninstall-hook` removes it and restores a kept hook.
                if [ -e %s ]; then
                  deploylint() { %s "$@"; }
                elif command -v deploylint >/dev/null 2>&1; then
                  : # the recorded deploylint is gone, but one is on PATH
                else
                  echo "deploylint pre-push hook: %s no longer exists (was the deploylint clone moved or deleted?)." >&2
                  echo "Reinstall the hook with 'deploylint install-hook' from its new place, or push with --no-verify to skip it once." >&2
                  exit 1
                fi
                input=$(cat)
                top=$(git rev-parse --show-toplevel 2>/dev/null) && cd "$top"
                linted=" "
                status=0
                while read -r local_ref local_sha remote_ref remote_sha; do
                  case "$local_sha" in
                    "" | *[!0]*) ;;
                    *) continue ;; # a deletion: nothing is deployed
                  esac
                  [ -n "$local_sha" ] || continue
                  case "$linted" in *" $local_sha "*) continue ;; esac
                  linted="$linted$local_sha "
                  echo "deploylint: linting $local_ref ($local_sha) as pushed" >&2
                  deploylint check --color never --rev "$local_sha" . || status=1
                done <<DEPLOYLINT_REFS
                $input
                DEPLOYLINT_REFS
                [ "$status" -eq 0 ] || exit 1
                kept="$(dirname "$0")/%s"
                if [ -x "$kept" ]; then
                  if [ -n "$input" ]; then
                    printf '%%s\\n' "$input" | "$kept" "$@"
                  else
                    "$kept" "$@" </dev/null
                  fi
                  exit $?
                fi
                exit 0
                """.formatted(MARKER, self.probe(), self.command(), self.probe(), CHAINED);
    }

    /** How the hook runs this deploylint: the launcher beside its jar, else the same JVM and class path. */
    record Self(String command, String probe) {

        static Self find() {
            String launcher = System.getProperty("deploylint.launcher");
            if (launcher != null && !launcher.isBlank()) {
                return new Self(quote(launcher), quote(launcher));
            }
            String classPath = System.getProperty("java.class.path", "");
            if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
                Path jar = Path.of(classPath).toAbsolutePath();
                Path script = jar.getParent() == null || jar.getParent().getParent() == null ? null
                        : jar.getParent().getParent().resolve("deploylint");
                if (script != null && Files.isExecutable(script)) {
                    return new Self(quote(script.toString()), quote(script.toString()));
                }
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String first = classPath.split(File.pathSeparator)[0];
            return new Self(quote(java) + " -cp " + quote(classPath) + " dev.deploylint.cli.Main",
                    quote(Path.of(first).toAbsolutePath().toString()));
        }
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * The mode the new hook gets: the replaced hook's (a 700 hook stays 700), executable by its
     * owner; 755 when there was none. Null where the file system has no POSIX modes.
     */
    private static Set<PosixFilePermission> modeOf(Path hook) throws IOException {
        try {
            if (!Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS)) {
                return PosixFilePermissions.fromString("rwxr-xr-x");
            }
            Set<PosixFilePermission> mode = EnumSet.copyOf(Files.getPosixFilePermissions(hook, LinkOption.NOFOLLOW_LINKS));
            mode.add(PosixFilePermission.OWNER_READ);
            mode.add(PosixFilePermission.OWNER_EXECUTE);
            return mode;
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static void setMode(Path file, Set<PosixFilePermission> mode) throws IOException {
        if (mode == null) {
            file.toFile().setExecutable(true);
        } else {
            Files.setPosixFilePermissions(file, mode);
        }
    }

    static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true);
        }
    }
}
