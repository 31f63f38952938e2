package dev.deploylint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceFileTest {

    @Test
    void locatesTheFirstCarriageReturn() {
        assertEquals(Optional.of(new Location("Procfile", 2, 18)),
                SourceFile.of("Procfile", "web: gunicorn a\nworker: celery -A\r\nclock: x\r\n").firstCarriageReturn());
        assertEquals(Optional.empty(), SourceFile.of("Procfile", "web: gunicorn a\n").firstCarriageReturn());
    }

    @Test
    void columnsCountCodePointsOnLongLinesWithSurrogatePairs() {
        StringBuilder text = new StringBuilder("x\n");
        for (int i = 0; i < 3_000; i++) {
            text.append(i % 7 == 0 ? "\uD83D\uDE00" : "a").append(i % 500 == 0 ? "\n" : "");
        }
        String all = text.toString();
        SourceFile file = SourceFile.of("settings.py", all);

        for (int offset = 0; offset <= all.length(); offset++) {
            int lineStart = all.lastIndexOf('\n', offset - 1) + 1;
            org.junit.jupiter.api.Assertions.assertEquals(all.codePointCount(lineStart, offset) + 1, file.locationOf(offset).column(),
                    "offset " + offset);
        }
    }
}
