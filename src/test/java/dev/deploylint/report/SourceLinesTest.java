package dev.deploylint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Severity;
import dev.deploylint.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceLinesTest {

    @Test
    void snapshotKeepsOnlyTheLinesFindingsAndEvidencePointAtAndReadsEachOnce() {
        List<String> reads = new ArrayList<>();
        SourceLines source = (path, line) -> {
            reads.add(path + ":" + line);
            return line <= 3 ? Optional.of(path + " line " + line) : Optional.empty();
        };
        Finding finding = new Finding("PF001", Severity.ERROR, new Location("Procfile", 2, 5), "message",
                List.of(new Evidence(new Location("requirements.txt", 1, 1), "because x==1")));
        Finding sameLine = new Finding("PF002", Severity.ERROR, new Location("Procfile", 2, 9), "message", List.of());

        SourceLines snapshot = SourceLines.snapshot(List.of(finding, sameLine), source);

        assertEquals(List.of("Procfile:2", "requirements.txt:1"), reads);
        assertEquals(Optional.of("Procfile line 2"), snapshot.line("Procfile", 2));
        assertEquals(Optional.of("requirements.txt line 1"), snapshot.line("requirements.txt", 1));
        assertEquals(Optional.empty(), snapshot.line("Procfile", 1));
        assertEquals(List.of("Procfile:2", "requirements.txt:1"), reads, "the snapshot never goes back to the source");
    }
}
