package dev.deploylint.project;

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
}
