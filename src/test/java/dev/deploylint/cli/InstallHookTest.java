package dev.deploylint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-push hook in real git repositories pushing to a real bare remote: it lints what is
 * pushed (not the working tree), goes where git runs hooks, keeps and chains the user's hook, and
 * honours the configuration's fail-on.
 */
class InstallHookTest {

    private static final String GOOD_APP_PYTHON = "3.14\n";
    private static final String BROKEN_APP_PYTHON = "3.9\n";

    @TempDir
    Path dir;

    private Path remote;
    private Path work;

    record Result(int code, String output) {
    }

    static Result run(Path in, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    static Result git(Path in, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.email=test@example.com", "-c", "user.name=Test",
                "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        return run(in, command);
    }

    private static Result deploylint(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out + err.toString());
    }

    /** A one-file WSGI app whose .python-version is the only thing that decides its verdict. */
    static void writeApp(Path work, String python) throws IOException {
        Files.writeString(work.resolve("requirements.txt"), "gunicorn==23.0.0\n");
        Files.writeString(work.resolve("app.py"), "def application(environ, start_response):\n    return []\n");
        Files.writeString(work.resolve("Procfile"), "web: gunicorn app\n");
        Files.writeString(work.resolve(".python-version"), python);
    }

    @BeforeEach
    void repositories() throws IOException, InterruptedException {
        remote = dir.resolve("remote.git");
        work = dir.resolve("work");
        Files.createDirectories(work);
        assertEquals(0, git(dir, "init", "-q", "--bare", remote.toString()).code());
        assertEquals(0, git(work, "init", "-q").code());
        writeApp(work, GOOD_APP_PYTHON);
        commitAll("app");
    }

    private void commitAll(String message) throws IOException, InterruptedException {
        assertEquals(0, git(work, "add", "-A").code());
        Result commit = git(work, "commit", "-q", "-m", message);
        assertEquals(0, commit.code(), commit.output());
    }

    private Result push() throws IOException, InterruptedException {
        return git(work, "push", remote.toString(), "HEAD:refs/heads/main");
    }

    @Test
    void aCommittedBrokenFileBlocksThePushEvenWhenTheWorkingTreeIsFixed() throws Exception {
        assertEquals(ExitCode.CLEAN, deploylint("install-hook", work.toString()).code());
        Files.writeString(work.resolve(".python-version"), BROKEN_APP_PYTHON);
        commitAll("unsupported Python");
        Files.writeString(work.resolve(".python-version"), GOOD_APP_PYTHON); // fixed, but not committed

        Result blocked = push();
        assertNotEquals(0, blocked.code(), blocked.output());
        assertTrue(blocked.output().contains("PY002 error"), blocked.output());
        assertEquals(GOOD_APP_PYTHON, Files.readString(work.resolve(".python-version")), "the working tree is untouched");
        assertEquals("", git(work, "status", "--porcelain", "--untracked-files=no").output().replace(" M .python-version\n", ""),
                "the index is untouched");
    }

    @Test
    void anUncommittedBrokenFileDoesNotBlockAGoodPush() throws Exception {
        assertEquals(ExitCode.CLEAN, deploylint("install-hook", work.toString()).code());
        Files.writeString(work.resolve(".python-version"), BROKEN_APP_PYTHON);
        Files.writeString(work.resolve("Procfile.windows"), "web: python manage.py runserver\n");

        Result pushed = push();
        assertEquals(0, pushed.code(), pushed.output());
    }

    @Test
    void deletingABranchIsNotLinted() throws Exception {
        assertEquals(0, git(work, "push", remote.toString(), "HEAD:refs/heads/topic").code());
        assertEquals(ExitCode.CLEAN, deploylint("install-hook", work.toString()).code());
        Files.writeString(work.resolve(".python-version"), BROKEN_APP_PYTHON);
        commitAll("broken, never pushed");
        Result deleted = git(work, "push", remote.toString(), ":refs/heads/topic");
        assertEquals(0, deleted.code(), deleted.output());
        assertFalse(deleted.output().contains("PY002"), deleted.output());
    }

    @Test
    void theConfigurationsFailOnApplies() throws Exception {
        // .buildpacks is a warning (BP005): blocked only because the app's configuration says fail-on: warning.
        Files.writeString(work.resolve(".buildpacks"), "https://github.com/heroku/heroku-buildpack-python.git\n");
        commitAll("legacy buildpacks file");
        assertEquals(ExitCode.CLEAN, deploylint("install-hook", work.toString()).code());
        assertEquals(0, push().code(), "a warning does not block by default");

        Files.writeString(work.resolve(".deploylint.yml"), "fail-on: warning\n");
        commitAll("stricter");
        Result blocked = push();
        assertNotEquals(0, blocked.code(), blocked.output());
        assertTrue(blocked.output().contains("BP005 warning"), blocked.output());
    }

    @Test
    void installsWhereGitRunsHooksInAWorktree() throws Exception {
        Path tree = dir.resolve("tree");
        assertEquals(0, git(work, "worktree", "add", "-q", tree.toString(), "-b", "feature").code());
        assertEquals(ExitCode.CLEAN, deploylint("install-hook", tree.toString()).code());
        Path hooks = Path.of(git(tree, "rev-parse", "--path-format=absolute", "--git-path", "hooks").output().strip());
        assertTrue(Files.isExecutable(hooks.resolve("pre-push")), hooks.toString());

        Files.writeString(tree.resolve(".python-version"), BROKEN_APP_PYTHON);
        assertEquals(0, git(tree, "commit", "-q", "-am", "broken").code());
        Result blocked = git(tree, "push", remote.toString(), "HEAD:refs/heads/feature");
        assertNotEquals(0, blocked.code(), blocked.output());
        assertTrue(blocked.output().contains("PY002 error"), blocked.output());
    }

    @Test
    void installsIntoCoreHooksPath() throws Exception {
        assertEquals(0, git(work, "config", "core.hooksPath", ".githooks").code());
        assertEquals(ExitCode.CLEAN, deploylint("install-hook", work.toString()).code());
        assertTrue(Files.isExecutable(work.resolve(".githooks/pre-push")));
        assertFalse(Files.exists(work.resolve(".git/hooks/pre-push")));

        Files.writeString(work.resolve(".python-version"), BROKEN_APP_PYTHON);
        commitAll("broken");
        assertNotEquals(0, push().code());
    }

    @Test
    void aPythonHookIsKeptAndRunsWithTheSameArgumentsAndInput() throws Exception {
        Path hook = work.resolve(".git/hooks/pre-push");
        Path log = dir.resolve("python-hook.log");
        String python = "#!/usr/bin/env python3\nimport sys\n"
                + "with open(" + pythonString(log.toString()) + ", 'w') as log:\n"
                + "    log.write(' '.join(sys.argv[1:]) + '\\n' + sys.stdin.read())\n";
        Files.writeString(hook, python);
        InstallHookCommand.makeExecutable(hook);

        Result installed = deploylint("install-hook", work.toString());
        assertEquals(ExitCode.CLEAN, installed.code());
        assertTrue(installed.output().contains("kept your pre-push hook"), installed.output());
        assertEquals(python, Files.readString(work.resolve(".git/hooks/" + InstallHookCommand.CHAINED)), "kept byte for byte");

        Result pushed = push();
        assertEquals(0, pushed.code(), pushed.output());
        String head = git(work, "rev-parse", "HEAD").output().strip();
        String logged = Files.readString(log);
        assertTrue(logged.startsWith(remote + " " + remote + "\n"), logged);
        assertTrue(logged.contains("HEAD " + head + " refs/heads/main "), logged);

        assertEquals(ExitCode.CLEAN, deploylint("uninstall-hook", work.toString()).code());
        assertEquals(python, Files.readString(hook), "uninstall-hook restores the user's hook");
        assertFalse(Files.exists(work.resolve(".git/hooks/" + InstallHookCommand.CHAINED)));
    }

    @Test
    void aKeptHookThatEndsInExecStillLetsDeploylintRunFirst() throws Exception {
        Path hook = work.resolve(".git/hooks/pre-push");
        Files.writeString(hook, "#!/bin/sh\nexec true\n");
        InstallHookCommand.makeExecutable(hook);
        assertEquals(ExitCode.CLEAN, deploylint("install-hook", work.toString()).code());
        Files.writeString(work.resolve(".python-version"), BROKEN_APP_PYTHON);
        commitAll("broken");
        Result blocked = push();
        assertNotEquals(0, blocked.code(), blocked.output());
        assertTrue(blocked.output().contains("PY002 error"), blocked.output());
    }

    @Test
    void aFailingKeptHookStillBlocks() throws Exception {
        Path hook = work.resolve(".git/hooks/pre-push");
        Files.writeString(hook, "#!/bin/sh\necho 'my own check failed' >&2\nexit 1\n");
        InstallHookCommand.makeExecutable(hook);
        assertEquals(ExitCode.CLEAN, deploylint("install-hook", work.toString()).code());
        Result blocked = push();
        assertNotEquals(0, blocked.code());
        assertTrue(blocked.output().contains("my own check failed"), blocked.output());
    }

    @Test
    void installingTwiceRefreshesInsteadOfChainingItself() throws Exception {
        assertEquals(ExitCode.CLEAN, deploylint("install-hook", work.toString()).code());
        Result again = deploylint("install-hook", work.toString());
        assertEquals(ExitCode.CLEAN, again.code());
        assertTrue(again.output().contains("refreshed"), again.output());
        assertFalse(Files.exists(work.resolve(".git/hooks/" + InstallHookCommand.CHAINED)));
        assertEquals(ExitCode.CLEAN, deploylint("uninstall-hook", work.toString()).code());
        assertFalse(Files.exists(work.resolve(".git/hooks/pre-push")));
        assertEquals(ExitCode.USAGE, deploylint("uninstall-hook", work.toString()).code(), "nothing left to remove");
    }

    @Test
    void aMovedDeploylintSaysHowToReinstall() throws Exception {
        Path launcher = dir.resolve("bin/deploylint");
        Files.createDirectories(launcher.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/bin/sh\nexec " + InstallHookCommand.quote(java) + " -cp "
                + InstallHookCommand.quote(System.getProperty("java.class.path")) + " dev.deploylint.cli.Main \"$@\"\n");
        InstallHookCommand.makeExecutable(launcher);
        String previous = System.setProperty("deploylint.launcher", launcher.toString());
        try {
            assertEquals(ExitCode.CLEAN, deploylint("install-hook", work.toString()).code());
        } finally {
            restore(previous);
        }
        assertEquals(0, push().code(), "the recorded launcher runs");
        Files.move(launcher, dir.resolve("bin/moved"));
        Files.writeString(work.resolve("README"), "x\n");
        commitAll("more");
        Result blocked = push();
        assertNotEquals(0, blocked.code());
        assertTrue(blocked.output().contains("no longer exists") && blocked.output().contains("deploylint install-hook"), blocked.output());
    }

    @Test
    void checkRevAndStagedLintCommitsAndTheIndex() throws Exception {
        String good = git(work, "rev-parse", "HEAD").output().strip();
        Files.writeString(work.resolve(".python-version"), BROKEN_APP_PYTHON);
        commitAll("broken");
        Files.writeString(work.resolve(".python-version"), GOOD_APP_PYTHON);

        assertEquals(ExitCode.FINDINGS, deploylint("check", "--color", "never", "--rev", "HEAD", work.toString()).code());
        assertEquals(ExitCode.CLEAN, deploylint("check", "--color", "never", "--rev", good, work.toString()).code());
        Result staged = deploylint("check", "--color", "never", "--format", "compact", "--staged", work.toString());
        assertEquals(ExitCode.FINDINGS, staged.code(), staged.output());
        assertTrue(staged.output().contains(work.resolve(".python-version") + ":1:1: PY002 error"),
                "paths are shown as in the working tree: " + staged.output());
        assertEquals(ExitCode.CLEAN, deploylint("check", "--color", "never", work.toString()).code(), "the working tree is fixed");
        assertEquals(ExitCode.USAGE, deploylint("check", "--rev", "no-such-rev", work.toString()).code());
        assertEquals(ExitCode.USAGE, deploylint("check", "--rev", "HEAD", dir.toString()).code(), "not inside a work tree");
    }

    @Test
    void aSymlinkedHookIsReplacedNotWrittenThrough() throws Exception {
        Path tracked = work.resolve("scripts/pre-push");
        Files.createDirectories(tracked.getParent());
        // Even a tracked script that looks like deploylint's own hook must not be rewritten.
        String script = "#!/bin/sh\n" + InstallHookCommand.MARKER + "\nexit 0\n";
        Files.writeString(tracked, script);
        InstallHookCommand.makeExecutable(tracked);
        Path hook = work.resolve(".git/hooks/pre-push");
        Files.createDirectories(hook.getParent());
        Files.createSymbolicLink(hook, tracked);
        Result installed = deploylint("install-hook", work.toString());
        assertEquals(ExitCode.CLEAN, installed.code(), installed.output());
        assertEquals(script, Files.readString(tracked), "the tracked script is untouched");
        assertFalse(Files.isSymbolicLink(hook));
        assertTrue(InstallHookCommand.isOurs(hook));
        Path kept = hook.resolveSibling(InstallHookCommand.CHAINED);
        assertTrue(Files.isSymbolicLink(kept), "the user's link is kept and chained");
        assertEquals(tracked, Files.readSymbolicLink(kept));
    }

    @Test
    void theHooksModeIsKept() throws Exception {
        Path hook = work.resolve(".git/hooks/pre-push");
        assertEquals(ExitCode.CLEAN, deploylint("install-hook", work.toString()).code());
        assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(hook)));
        Files.setPosixFilePermissions(hook, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertEquals(ExitCode.CLEAN, deploylint("install-hook", work.toString()).code());
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(hook)));
    }

    @Test
    void aPrePushFolderIsAUsageError() throws Exception {
        Path hook = work.resolve(".git/hooks/pre-push");
        Files.createDirectories(hook);
        Result refused = deploylint("install-hook", work.toString());
        assertEquals(ExitCode.USAGE, refused.code(), refused.output());
        assertTrue(refused.output().contains("is a folder"), refused.output());
        assertEquals(1, refused.output().strip().lines().count(), refused.output());
        assertTrue(Files.isDirectory(hook), "the folder is left where it was");
        assertFalse(Files.exists(hook.resolveSibling(InstallHookCommand.CHAINED)));
    }

    @Test
    void outsideAGitRepositoryIsAUsageError() throws IOException {
        Path plain = dir.resolve("plain");
        Files.createDirectories(plain);
        Result result = deploylint("install-hook", plain.toString());
        assertEquals(ExitCode.USAGE, result.code());
        assertTrue(result.output().contains("not inside a git repository"), result.output());
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty("deploylint.launcher");
        } else {
            System.setProperty("deploylint.launcher", previous);
        }
    }

    private static String pythonString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
