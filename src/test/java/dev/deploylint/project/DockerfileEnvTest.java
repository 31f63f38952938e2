package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.SourceFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileEnvTest {

    private static Map<String, DockerfileEnv.Variable> parse(String text) {
        return DockerfileEnv.parse(SourceFile.of("Dockerfile", text));
    }

    @Test
    void readsBothFormsContinuationsAndQuotesAndTheLastOneWins() {
        Map<String, DockerfileEnv.Variable> env = parse("""
                FROM python:3.12
                ENV A=1 B="two words" \\
                    C='x'
                env D legacy value
                ENV A=3
                """);
        assertEquals("3", env.get("A").value());
        assertEquals(5, env.get("A").at().line());
        assertEquals("two words", env.get("B").value());
        assertEquals("x", env.get("C").value());
        assertEquals(2, env.get("C").at().line());
        assertEquals("legacy value", env.get("D").value());
    }

    @Test
    void ignoresOtherInstructionsAndBrokenLines() {
        Map<String, DockerfileEnv.Variable> env = parse("RUN echo ENV X=1\nENV\nENV =1\nENVIRONMENT=2\nENV \\");
        assertTrue(env.isEmpty(), env.toString());
    }
}
