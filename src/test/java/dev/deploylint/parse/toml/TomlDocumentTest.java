package dev.deploylint.parse.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * Values are located by line prefix or by quoted string; locating every package of a lock file
 * must grow with the file, not with the file times its packages. The cost is measured by a
 * deterministic count of lines and characters examined, at 10x and 100x a small size.
 */
class TomlDocumentTest {

    private static String lockFile(int packages) {
        StringBuilder text = new StringBuilder("# generated\n\n");
        for (int i = 0; i < packages; i++) {
            text.append("[[package]]\nname = \"pkg").append(i).append("\"\nversion = \"1.0.").append(i)
                    .append("\"\noptional = false\n\n");
        }
        return text.toString();
    }

    /** Locates every package the way Dependencies does; returns the work it took. */
    private static long locateEveryPackage(int packages) {
        TomlDocument doc = TomlDocument.parse(SourceFile.of("poetry.lock", lockFile(packages)));
        int n = 0;
        for (JsonNode pkg : doc.root().path("package")) {
            Location at = doc.locate("name = \"" + pkg.path("name").asText() + "\"");
            assertEquals(4 + 5 * n, at.line(), "package " + n);
            n++;
        }
        assertEquals(packages, n);
        return doc.locatingWork();
    }

    private static String pyproject(int dependencies) {
        StringBuilder text = new StringBuilder("[project]\nname = \"x\"\n# \"pkg0>=1\" in a comment is not the value\ndependencies = [");
        for (int i = 0; i < dependencies; i++) {
            text.append("\"pkg").append(i).append(">=1\", ");
        }
        return text.append("]\n").toString();
    }

    /** Finds every dependency string of a one-line list the way Dependencies does; returns the work it took. */
    private static long findEveryDependency(int dependencies) {
        String text = pyproject(dependencies);
        TomlDocument doc = TomlDocument.parse(SourceFile.of("pyproject.toml", text));
        int line = text.indexOf("dependencies =");
        for (JsonNode requirement : doc.root().path("project").path("dependencies")) {
            Location at = doc.find(requirement.asText());
            assertEquals(4, at.line());
            int offset = text.indexOf("\"" + requirement.asText() + "\"", line) + 1;
            assertEquals(offset - line + 1, at.column(), requirement.asText());
        }
        return doc.locatingWork();
    }

    @Test
    void locatingEveryPackageOfALockFileGrowsLinearly() {
        long tenfold = locateEveryPackage(200);
        long hundredfold = locateEveryPackage(2_000);

        // Linear or n log n grows about 10-13x from 10x to 100x; a scan per package grows 100x.
        assertTrue(hundredfold < 20 * tenfold, tenfold + " -> " + hundredfold);
    }

    @Test
    void findingEveryDependencyOfALongListGrowsLinearly() {
        long tenfold = findEveryDependency(500);
        long hundredfold = findEveryDependency(5_000);

        assertTrue(hundredfold < 20 * tenfold, tenfold + " -> " + hundredfold);
    }

    @Test
    void locateFindsTheFirstLineWithAnyOfThePrefixes() {
        TomlDocument doc = TomlDocument.parse(SourceFile.of("Pipfile",
                "[packages]\n  requests=\"*\"\ndjango = \"*\"\n\"django\" = \"*\"\n" + "x = 1\n".repeat(50)));

        for (int i = 0; i < 20; i++) {
            // the first queries scan, later ones use the index: both give the same answers
            assertEquals(new Location("Pipfile", 2, 3), doc.locate("requests =", "requests="));
            assertEquals(new Location("Pipfile", 3, 1), doc.locate("\"django\"", "django ="));
            assertEquals(new Location("Pipfile", 1, 1), doc.locate("flask ="));
        }
    }

    @Test
    void aValueWrittenWithAnEscapeIsStillFoundByItsText() {
        TomlDocument doc = TomlDocument.parse(SourceFile.of("pyproject.toml",
                "[project]\ndependencies = [\"django\\u003e=4\", 'gunicorn']\n"));

        assertEquals(new Location("pyproject.toml", 2, 36), doc.find("gunicorn"));
        assertEquals(new Location("pyproject.toml", 1, 1), doc.find("django>=4"), "not written as such: the file start");
    }
}
