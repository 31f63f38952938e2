package dev.deploylint.rules.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.project.Version;
import org.junit.jupiter.api.Test;

class DjangoPythonTableTest {

    private final DjangoPythonTable table = DjangoPythonTable.get();

    @Test
    void ordersReleasesNumericallyAndKnowsTheNewest() {
        assertEquals("1.8", table.djangos().get(0).minor());
        assertEquals("1.10", table.djangos().get(2).minor());
        assertEquals("6.0", table.newest().minor());
        assertFalse(table.checked().isEmpty());
    }

    @Test
    void answersSupportQuestions() {
        DjangoPythonTable.Release lts = table.find(Version.parse("4.2.5").orElseThrow()).orElseThrow();
        assertTrue(lts.supports("3.12"));
        assertEquals("4.2.8", lts.firstSupporting("3.12"));
        assertEquals("4.2", lts.firstSupporting("3.11"));
        assertTrue(table.newest().isTooOldFor("3.11"));
        assertEquals("5.2", table.oldestSupporting("3.14", lts).orElseThrow().minor());
        assertEquals("5.2", table.newestSupporting("3.10").orElseThrow().minor());
        assertTrue(table.find(Version.parse("6.1").orElseThrow()).isEmpty());
    }
}
