package dev.deploylint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static String text(FileContent content) {
        return assertInstanceOf(SourceFile.class, content).text();
    }

    @Test
    void requirementsWithByteOrderMarksAreDecodedAsPipDoes() {
        String requirements = "django==5.2.8\n";
        assertEquals(requirements, text(SourceFile.decode("requirements.txt",
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, requirements.getBytes(StandardCharsets.UTF_16LE)))));
        assertEquals(requirements, text(SourceFile.decode("requirements.txt",
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, requirements.getBytes(StandardCharsets.UTF_16BE)))));
        assertEquals(requirements, text(SourceFile.decode("requirements/base.txt",
                concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, requirements.getBytes(Charset.forName("UTF-32BE"))))));
        assertEquals(requirements, text(SourceFile.decode("requirements.txt",
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, requirements.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void aCodingLineInTheFirstTwoLinesOfARequirementsFileIsHonoured() {
        byte[] latin1 = "# comment\n# -*- coding: latin-1 -*-\n# d\u00e9pendances\ndjango\n".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(text(SourceFile.decode("requirements.txt", latin1)).contains("d\u00e9pendances"));
        byte[] third = "#\n#\n# coding: latin-1\n# d\u00e9pendances\n".getBytes(StandardCharsets.ISO_8859_1);
        UnreadableFile unreadable = assertInstanceOf(UnreadableFile.class, SourceFile.decode("requirements.txt", third));
        assertTrue(unreadable.buildFails(), "pip reads the root requirements.txt and fails on it too");
    }

    @Test
    void onlyFilesTheBuildCertainlyReadsFailTheBuild() {
        byte[] invalid = {'d', 'j', (byte) 0xE9, '\n'};
        assertTrue(((UnreadableFile) SourceFile.decode("requirements.txt", invalid)).buildFails());
        assertFalse(((UnreadableFile) SourceFile.decode("docs/requirements.txt", invalid)).buildFails());
        assertFalse(((UnreadableFile) SourceFile.decode("mysite/settings.py", invalid)).buildFails());
        assertTrue(((UnreadableFile) SourceFile.decode(".python-version",
                new byte[] {(byte) 0xFF, (byte) 0xFE, '3', 0})).buildFails());
    }

    @Test
    void pythonModulesFollowPep263() {
        byte[] cookie = "# -*- coding: latin-1 -*-\nNAME = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(text(SourceFile.decode("mysite/settings.py", cookie)).contains("caf\u00e9"));
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "DEBUG = False\n".getBytes(StandardCharsets.UTF_16LE));
        assertInstanceOf(UnreadableFile.class, SourceFile.decode("mysite/settings.py", utf16));
    }

    @Test
    void otherFilesStayUtf8() {
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "web: gunicorn app\n".getBytes(StandardCharsets.UTF_16LE));
        assertInstanceOf(UnreadableFile.class, SourceFile.decode("Procfile", utf16));
        assertTrue(((SourceFile) SourceFile.decode("app.json",
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{}".getBytes(StandardCharsets.UTF_8)))).hasByteOrderMark());
    }
}
