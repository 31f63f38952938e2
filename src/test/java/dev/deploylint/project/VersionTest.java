package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionTest {

    private static Version v(String text) {
        return Version.parse(text).orElseThrow();
    }

    @Test
    void ordersReleasesPreReleasesAndPostReleases() {
        List<String> ordered = List.of("1.0.dev1", "1.0a1", "1.0b2", "1.0rc1", "1.0", "1.0.post1", "1.0.1", "1.10", "4.0");
        for (int i = 1; i < ordered.size(); i++) {
            assertTrue(v(ordered.get(i - 1)).compareTo(v(ordered.get(i))) < 0, ordered.get(i - 1) + " < " + ordered.get(i));
        }
        assertEquals(0, v("3.0").compareTo(v("3.0.0")));
        assertTrue(v("v2.0.6+local").isBelow("3.0"));
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        for (String bad : List.of("", "abc", "1.*", "1..2", ">=1.0", "1.0-foo")) {
            assertTrue(Version.parse(bad).isEmpty(), bad);
        }
    }
}
