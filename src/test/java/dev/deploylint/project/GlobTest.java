package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void starAndQuestionMarkStayWithinOneName() {
        assertTrue(Glob.matches("*.txt", "requirements.txt"));
        assertTrue(Glob.matches("requirements*", "requirements.txt"));
        assertTrue(Glob.matches("?anage.py", "manage.py"));
        assertFalse(Glob.matches("*.txt", "docs/a.txt"));
        assertFalse(Glob.matches("?", "/"));
        assertFalse(Glob.matches("*.lock", "uv.locked"));
        assertTrue(Glob.matches("*", ""));
    }

    @Test
    void doubleStarCrossesFolders() {
        assertTrue(Glob.matches("**/a.txt", "a.txt"));
        assertTrue(Glob.matches("**/a.txt", "x/y/a.txt"));
        assertTrue(Glob.matches("docs/**", "docs/x/y"));
        assertTrue(Glob.matches("a/**/b", "a/b"));
        assertTrue(Glob.matches("a/**/b", "a/x/y/b"));
        assertFalse(Glob.matches("a/**/b", "a/xb"));
    }

    @Test
    void characterClassesAndEscapes() {
        assertTrue(Glob.matches("[Pp]rocfile", "Procfile"));
        assertTrue(Glob.matches("[a-z]v.lock", "uv.lock"));
        assertFalse(Glob.matches("[!u]v.lock", "uv.lock"));
        assertTrue(Glob.matches("[^x]v.lock", "uv.lock"));
        assertTrue(Glob.matches("\\*.txt", "*.txt"));
        assertFalse(Glob.matches("\\*.txt", "a.txt"));
        assertTrue(Glob.matches("[]]", "]"));
    }

    @Test
    void malformedPatternsAreLiteral() {
        assertTrue(Glob.matches("[abc", "[abc"));
        assertFalse(Glob.matches("[abc", "a"));
        assertTrue(Glob.matches("a\\", "a\\"));
        assertFalse(Glob.matches("", "a"));
    }

    @Test
    void hostilePatternsFinishQuickly() {
        String stars = "*a".repeat(40) + "b";
        String text = "a".repeat(200);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(Glob.matches(stars, text)));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(Glob.matches("**/".repeat(30) + "x", "a/".repeat(100))));
    }
}
