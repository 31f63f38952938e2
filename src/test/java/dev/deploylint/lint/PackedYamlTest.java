package dev.deploylint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PackedYamlTest {

    private static final Path RULES = Path.of(System.getProperty("deploylint.rules", "rules"));

    @Test
    void everyShippedYamlFileIsPackedByTheBuildAndUnpacksToWhatSnakeYamlReads() throws IOException {
        List<Path> yamlFiles;
        try (Stream<Path> files = Files.walk(RULES)) {
            yamlFiles = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(yamlFiles.size() > 90, "rule and data files found: " + yamlFiles.size());
        for (Path yaml : yamlFiles) {
            String resource = "/rules/" + RULES.relativize(yaml).toString().replace('\\', '/');
            try (InputStream packed = PackedYaml.class.getResourceAsStream(resource + PackedYaml.SUFFIX)) {
                assertNotNull(packed, resource + " was not packed by the build");
            }
            Object expected = PackedYaml.parse(Files.readString(yaml, StandardCharsets.UTF_8));
            assertEquals(expected, PackedYaml.load(resource), resource + " (packed in the jar)");
            assertEquals(expected, PackedYaml.unpack(PackedYaml.pack(expected)), resource + " (packed now)");
        }
    }

    @Test
    void everyKindOfValueSurvivesPacking() {
        Map<Object, Object> document = new LinkedHashMap<>();
        document.put("text", "caf\u00e9 \uD83D\uDE80 " + "x".repeat(70_000));
        document.put("int", 42);
        document.put("long", 1L << 40);
        document.put("big", new BigInteger("123456789012345678901234567890"));
        document.put("double", 3.5);
        document.put("flag", true);
        document.put("date", new Date(1_763_000_000_000L));
        document.put("nothing", null);
        document.put(7, List.of("a", List.of(), Map.of()));
        Object unpacked = PackedYaml.unpack(PackedYaml.pack(document));
        assertEquals(document, unpacked);
        assertEquals(List.copyOf(document.keySet()), List.copyOf(((Map<?, ?>) unpacked).keySet()), "order is kept");
    }
}
