package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IgnoreFileTest {

    private static IgnoreFile parse(String text) {
        return IgnoreFile.parse(SourceFile.of(".slugignore", text));
    }

    @Test
    void skipsCommentsAndBlankLinesAndKeepsLocations() {
        IgnoreFile file = parse("# docs\n\n*.psd   \n  /docs\n!keep.txt\r\n");
        assertEquals(List.of("*.psd", "  /docs", "!keep.txt"), file.patterns().stream().map(IgnoreFile.Pattern::text).toList());
        assertEquals(new Location(".slugignore", 3, 1), file.patterns().get(0).at());
        assertEquals(new Location(".slugignore", 5, 1), file.patterns().get(2).at());
        assertTrue(file.patterns().get(2).negated());
    }

    @Test
    void unanchoredPatternsMatchNamesAtAnyDepth() {
        IgnoreFile file = parse("*.txt\n");
        assertTrue(file.firstRemoving("requirements.txt").isPresent());
        assertTrue(file.firstRemoving("docs/notes.txt").isPresent());
        assertFalse(file.firstRemoving("Procfile").isPresent());
    }

    @Test
    void anchoredPatternsMatchFromTheRoot() {
        IgnoreFile file = parse("/manage.py\ndocs/*.md\n");
        assertTrue(file.firstRemoving("manage.py").isPresent());
        assertFalse(file.firstRemoving("app/manage.py").isPresent());
        assertTrue(file.firstRemoving("docs/a.md").isPresent());
        assertFalse(file.firstRemoving("x/docs/a.md").isPresent());
    }

    @Test
    void folderPatternsRemoveEverythingInsideButNotAFileOfThatName() {
        IgnoreFile file = parse("tests/\n");
        assertTrue(file.firstRemoving("tests/test_a.py").isPresent());
        assertTrue(file.firstRemoving("app/tests/x.py").isPresent());
        assertFalse(file.firstRemoving("tests").isPresent());
        assertTrue(parse("mysite\n").firstRemoving("mysite/settings.py").isPresent());
    }

    @Test
    void negatedAndDegeneratePatternsRemoveNothing() {
        IgnoreFile file = parse("!requirements.txt\n/\n!\n[\n\\\n");
        Optional<IgnoreFile.Pattern> found = file.firstRemoving("requirements.txt");
        assertFalse(found.isPresent());
        assertEquals(5, file.patterns().size());
    }

    @Test
    void emptyFileHasNoPatterns() {
        assertTrue(parse("").patterns().isEmpty());
        assertTrue(parse("\uFEFF\n\n").patterns().isEmpty());
    }
}
