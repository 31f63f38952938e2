package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSpecifierTest {

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "'';1.0;true",
        ">=3.2,<4.0;3.2.25;true",
        ">=3.2,<4.0;4.0;false",
        "~=6.1;6.9.0;true",
        "~=6.1;7.0;false",
        "~=4.1.2;4.1.4;true",
        "~=4.1.2;4.2;false",
        "==4.2.*;4.2.28;true",
        "==4.2.*;4.20;false",
        "!=2.0.6;2.0.6;false",
        "<4;3.3.1;true",
        "> 1.0 , != 1.5;1.5;false",
        "===1.0;1.0;true"})
    void allows(String specifier, String version, boolean allowed) {
        assertEquals(allowed, VersionSpecifier.parse(specifier).orElseThrow().allows(Version.parse(version).orElseThrow()));
    }

    @Test
    void rejectsWhatItDoesNotUnderstand() {
        assertTrue(VersionSpecifier.parse("^1.2").isEmpty());
        assertTrue(VersionSpecifier.parse(">=abc").isEmpty());
    }

    @ParameterizedTest(name = "{0} stays below {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "<1.0;1.1;true",
        "<=1.1;1.1;false",
        "==0.13.*;1.1;true",
        "~=0.13;1.1;true",
        "~=1.0.2;1.1;true",
        "~=1.0;1.1;false",
        ">=0.13;1.1;false",
        "'';1.1;false",
        ">=0.12,<1.1;1.1;true"})
    void allBelow(String specifier, String limit, boolean below) {
        assertEquals(below, VersionSpecifier.parse(specifier).orElseThrow().allBelow(Version.parse(limit).orElseThrow()));
    }
}
