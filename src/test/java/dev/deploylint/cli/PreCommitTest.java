package dev.deploylint.cli;

import static dev.deploylint.cli.InstallHookTest.git;
import static dev.deploylint.cli.InstallHookTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.cli.InstallHookTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's own .pre-commit-hooks.yaml driven by the real pre-commit framework: a hook
 * repository holding the manifest and a launcher, a user repository that uses it at the commit and
 * at the push stage. CI installs pre-commit (.ci/run); elsewhere the test is skipped without it.
 */
class PreCommitTest {

    @TempDir
    Path dir;

    private Path hookRepo;
    private Path work;
    private Path remote;

    @BeforeEach
    void repositories() throws Exception {
        boolean installed = run(dir, List.of("sh", "-c", "command -v pre-commit")).code() == 0;
        if (System.getenv("CI") != null) {
            assertTrue(installed, "CI must install pre-commit (apt-get install pre-commit), as the README tells users");
        }
        Assumptions.assumeTrue(installed, "pre-commit is not installed");

        hookRepo = dir.resolve("hooks-repo");
        Files.createDirectories(hookRepo);
        Files.copy(Path.of(".pre-commit-hooks.yaml"), hookRepo.resolve(".pre-commit-hooks.yaml"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path launcher = hookRepo.resolve("deploylint");
        Files.writeString(launcher, "#!/bin/sh\nexec " + InstallHookCommand.quote(java) + " -cp "
                + InstallHookCommand.quote(System.getProperty("java.class.path")) + " dev.deploylint.cli.Main \"$@\"\n");
        InstallHookCommand.makeExecutable(launcher);
        assertEquals(0, git(hookRepo, "init", "-q").code());
        assertEquals(0, git(hookRepo, "add", "-A").code());
        assertEquals(0, git(hookRepo, "commit", "-q", "-m", "hooks").code());
        String rev = git(hookRepo, "rev-parse", "HEAD").output().strip();

        remote = dir.resolve("remote.git");
        assertEquals(0, git(dir, "init", "-q", "--bare", remote.toString()).code());
        work = dir.resolve("work");
        Files.createDirectories(work);
        assertEquals(0, git(work, "init", "-q").code());
        InstallHookTest.writeApp(work, "3.14\n");
        Files.writeString(work.resolve(".pre-commit-config.yaml"), """
                repos:
                  - repo: %s
                    rev: %s
                    hooks:
                      - id: deploylint
                """.formatted(hookRepo, rev));
        assertEquals(0, git(work, "add", "-A").code());
        assertEquals(0, git(work, "commit", "-q", "-m", "app").code());
    }

    private Result preCommit(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("env", "PRE_COMMIT_HOME=" + dir.resolve("cache"), "pre-commit"));
        command.addAll(List.of(args));
        return run(work, command);
    }

    private Result gitWithCache(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("env", "PRE_COMMIT_HOME=" + dir.resolve("cache"),
                "git", "-c", "user.email=test@example.com", "-c", "user.name=Test"));
        command.addAll(List.of(args));
        return run(work, command);
    }

    @Test
    void theManifestValidates() throws Exception {
        Result result = run(dir, List.of("pre-commit", "validate-manifest", hookRepo.resolve(".pre-commit-hooks.yaml").toString()));
        assertEquals(0, result.code(), result.output());
    }

    @Test
    void aCommitOfABrokenStagedFileIsRefusedWhateverTheWorkingTreeHolds() throws Exception {
        assertEquals(0, preCommit("install").code());
        Files.writeString(work.resolve(".python-version"), "3.9\n");
        assertEquals(0, git(work, "add", ".python-version").code());
        Files.writeString(work.resolve(".python-version"), "3.14\n"); // fixed, not staged

        Result refused = gitWithCache("commit", "-m", "unsupported Python");
        assertNotEquals(0, refused.code(), refused.output());
        assertTrue(refused.output().contains("PY002 error"), refused.output());
        assertEquals("3.14\n", Files.readString(work.resolve(".python-version")), "pre-commit restores the unstaged fix");

        Files.writeString(work.resolve(".python-version"), "3.13\n");
        assertEquals(0, git(work, "add", ".python-version").code());
        Result accepted = gitWithCache("commit", "-m", "supported Python");
        assertEquals(0, accepted.code(), accepted.output());
    }

    @Test
    void theFixerHookAppliesTheSafeFixesAndFailsWhenItChangedFiles() throws Exception {
        Files.writeString(work.resolve(".pre-commit-config.yaml"),
                Files.readString(work.resolve(".pre-commit-config.yaml")).replace("- id: deploylint\n", "- id: deploylint-fix\n"));
        Files.writeString(work.resolve("Procfile"), "web: gunicorn app --log-file -\n");
        assertEquals(0, git(work, "add", "-A").code());
        assertEquals(0, preCommit("install").code());

        Result fixed = gitWithCache("commit", "-m", "redundant option");
        assertNotEquals(0, fixed.code(), fixed.output());
        assertTrue(fixed.output().contains("files were modified by this hook"), fixed.output());
        assertEquals("web: gunicorn app\n", Files.readString(work.resolve("Procfile")), "the fix is in the working tree");

        assertEquals(0, git(work, "add", "Procfile").code());
        Result accepted = gitWithCache("commit", "-m", "redundant option removed");
        assertEquals(0, accepted.code(), accepted.output());
    }

    @Test
    void atThePushStageItLintsTheCommitPushed() throws Exception {
        Files.writeString(work.resolve(".pre-commit-config.yaml"),
                Files.readString(work.resolve(".pre-commit-config.yaml")) + "        stages: [push]\n");
        assertEquals(0, git(work, "commit", "-q", "-am", "lint on push").code());
        Result install = preCommit("install", "--hook-type", "pre-push");
        assertEquals(0, install.code(), install.output());

        Files.writeString(work.resolve(".python-version"), "3.9\n");
        assertEquals(0, git(work, "commit", "-q", "-am", "unsupported Python").code());
        Files.writeString(work.resolve(".python-version"), "3.14\n"); // fixed, not committed
        Result refused = gitWithCache("push", remote.toString(), "HEAD:refs/heads/main");
        assertNotEquals(0, refused.code(), refused.output());
        assertTrue(refused.output().contains("PY002 error"), refused.output());

        assertEquals(0, git(work, "commit", "-q", "-am", "supported Python").code());
        Result pushed = gitWithCache("push", remote.toString(), "HEAD:refs/heads/main");
        assertEquals(0, pushed.code(), pushed.output());
    }
}
