package dev.deploylint.rules.procfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TypographicCharacterInCommandTest {

    @Test
    void aDashBeforeAnOptionNameStandsForTheDoubleHyphenAWordProcessorReplaced() {
        assertEquals("--workers", TypographicCharacterInCommand.corrected("\u2013workers"));
        assertEquals("--log-file", TypographicCharacterInCommand.corrected("\u2014log\u2013file"));
        assertEquals("--bind=0.0.0.0:$PORT", TypographicCharacterInCommand.corrected("\u2013bind=0.0.0.0:$PORT"));
        assertEquals("-w", TypographicCharacterInCommand.corrected("\u2013w"));
        assertEquals("-", TypographicCharacterInCommand.corrected("\u2013"));
    }

    @Test
    void quotesAndSpacesBecomeAscii() {
        assertEquals("\"mysite.wsgi\"", TypographicCharacterInCommand.corrected("\u201Cmysite.wsgi\u201D"));
        assertEquals("'x'", TypographicCharacterInCommand.corrected("\u2018x\u2019"));
        assertEquals("a b", TypographicCharacterInCommand.corrected("a\u00A0b"));
        assertEquals("ab", TypographicCharacterInCommand.corrected("a\u200Bb"));
    }
}
