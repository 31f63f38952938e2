package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IgnoreFile#ignoredByGit}: .gitignore as git reads it (gitignore(5)). */
class GitIgnoreTest {

    @TempDir
    Path root;

    private Project app(Map<String, String> files) throws IOException {
        TestApps.write(root, files);
        return Project.open(root, "heroku-24");
    }

    @Test
    void aPlainNameIgnoresTheFileAtAnyDepth() throws IOException {
        Project project = app(Map.of(".gitignore", ".env\n", ".env", "", "site/.env", ""));
        assertTrue(IgnoreFile.ignoredByGit(project, ".env"));
        assertTrue(IgnoreFile.ignoredByGit(project, "site/.env"));
        assertFalse(IgnoreFile.ignoredByGit(project, ".env.example"));
    }

    @Test
    void aTrailingCommentIsPartOfThePattern() throws IOException {
        Project project = app(Map.of(".gitignore", ".env # local secrets\n#.env\n", ".env", ""));
        assertFalse(IgnoreFile.ignoredByGit(project, ".env"));
    }

    @Test
    void theLastMatchingPatternWinsAndANegationReincludes() throws IOException {
        Project project = app(Map.of(".gitignore", ".env*\n!.env\n", ".env", "", ".env.local", ""));
        assertFalse(IgnoreFile.ignoredByGit(project, ".env"));
        assertTrue(IgnoreFile.ignoredByGit(project, ".env.local"));
        Project again = app(Map.of(".gitignore", "!.env\n.env*\n"));
        assertTrue(IgnoreFile.ignoredByGit(again, ".env"));
    }

    @Test
    void nothingInsideAnIgnoredFolderCanBeReincluded() throws IOException {
        Project project = app(Map.of(".gitignore", "config/\n!config/.env\n", "config/.env", ""));
        assertTrue(IgnoreFile.ignoredByGit(project, "config/.env"));
    }

    @Test
    void anchoredPatternsAndFolderOnlyPatterns() throws IOException {
        Project project = app(Map.of(".gitignore", "/site/.env\n.env/\n", "site/.env", "", "other/site/.env", "", ".env", ""));
        assertTrue(IgnoreFile.ignoredByGit(project, "site/.env"));
        assertFalse(IgnoreFile.ignoredByGit(project, "other/site/.env"));
        assertFalse(IgnoreFile.ignoredByGit(project, ".env"), "a pattern ending in / matches folders only");
    }

    @Test
    void aDeeperGitignoreOverridesTheRootOne() throws IOException {
        Project project = app(Map.of(".gitignore", ".env\n", "site/.gitignore", "!.env\n", "site/.env", "", ".env", ""));
        assertFalse(IgnoreFile.ignoredByGit(project, "site/.env"));
        assertTrue(IgnoreFile.ignoredByGit(project, ".env"));
        Project nested = app(Map.of("api/.gitignore", "*.env\n", "api/prod.env", ""));
        assertTrue(IgnoreFile.ignoredByGit(nested, "api/prod.env"));
    }

    @Test
    void doubleStarsAndEscapes() throws IOException {
        Project project = app(Map.of(".gitignore", "**/secrets/.env\n\\#notes\n", "a/b/secrets/.env", "", "#notes", ""));
        assertTrue(IgnoreFile.ignoredByGit(project, "a/b/secrets/.env"));
        assertTrue(IgnoreFile.ignoredByGit(project, "#notes"));
    }
}
