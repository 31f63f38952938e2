package dev.deploylint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-push hook in a real git repository: it blocks a push with an error and lets a clean one through. */
class InstallHookTest {

    @TempDir
    Path dir;

    private record Result(int code, String output) {
    }

    private Result git(Path in, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.email=test@example.com", "-c", "user.name=Test"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static int installHook(Path repo, String... extra) {
        List<String> args = new ArrayList<>(List.of("install-hook", repo.toString()));
        args.addAll(List.of(extra));
        return Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void hookBlocksAFailingDeployAndPassesAFixedOne() throws IOException, InterruptedException {
        Path remote = dir.resolve("remote.git");
        Path work = dir.resolve("work");
        Files.createDirectories(work);
        assertEquals(0, git(dir, "init", "-q", "--bare", remote.toString()).code());
        assertEquals(0, git(work, "init", "-q").code());
        Files.writeString(work.resolve("requirements.txt"), "gunicorn==23.0.0\n");
        Files.writeString(work.resolve("app.py"), "def application(environ, start_response):\n    return []\n");
        Files.writeString(work.resolve("Procfile"), "web: gunicorn app\n");
        Files.writeString(work.resolve(".python-version"), "3.9\n");
        git(work, "add", "-A");
        assertEquals(0, git(work, "commit", "-q", "-m", "app").code());

        assertEquals(ExitCode.CLEAN, installHook(work));
        Path hook = work.resolve(".git/hooks/pre-push");
        assertTrue(Files.isExecutable(hook));

        Result blocked = git(work, "push", "-q", remote.toString(), "HEAD:refs/heads/main");
        assertNotEquals(0, blocked.code(), blocked.output());
        assertTrue(blocked.output().contains("PY002 error"), blocked.output());

        Files.writeString(work.resolve(".python-version"), "3.14\n");
        git(work, "commit", "-q", "-am", "supported Python");
        Result pushed = git(work, "push", "-q", remote.toString(), "HEAD:refs/heads/main");
        assertEquals(0, pushed.code(), pushed.output());
    }

    @Test
    void anExistingHookIsKeptUnlessForced() throws IOException, InterruptedException {
        assertEquals(0, git(dir, "init", "-q").code());
        Path hook = dir.resolve(".git/hooks/pre-push");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\necho mine\n");
        assertEquals(ExitCode.CLEAN, installHook(dir));
        String appended = Files.readString(hook);
        assertTrue(appended.startsWith("#!/bin/sh\necho mine\n") && appended.contains(InstallHookCommand.MARKER), appended);
        assertEquals(ExitCode.CLEAN, installHook(dir));
        assertEquals(appended, Files.readString(hook), "installing twice changes nothing");
        assertEquals(ExitCode.CLEAN, installHook(dir, "--force"));
        assertTrue(!Files.readString(hook).contains("echo mine"));
    }

    @Test
    void outsideAGitRepositoryIsAUsageError() {
        assertEquals(ExitCode.USAGE, installHook(dir));
    }
}
