package dev.deploylint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deploylint.lint.Finding;
import dev.deploylint.report.AppReport;
import dev.deploylint.report.SarifReporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Known findings recorded to adopt deploylint on an existing app: each by rule, displayed path
 * and a content key that survives the finding moving to another line. Filtering consumes one
 * recorded entry per matching finding, so a second copy of a known problem is still new.
 */
final class Baseline {

    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Integer> entries;

    private Baseline(Map<String, Integer> entries) {
        this.entries = entries;
    }

    static Baseline read(Path file) {
        try {
            JsonNode root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null || root.path("version").asInt() != VERSION || !root.path("findings").isArray()) {
                throw new UsageException(file + " is not a deploylint baseline (version " + VERSION + ")");
            }
            Map<String, Integer> entries = new HashMap<>();
            for (JsonNode entry : root.path("findings")) {
                entries.merge(key(entry.path("rule").asText(), entry.path("path").asText(), entry.path("key").asText()), 1, Integer::sum);
            }
            return new Baseline(entries);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new UsageException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON, so not a deploylint baseline; write it again with --write-baseline");
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read the baseline " + file + ": " + e.getClass().getSimpleName().replace("Exception", "").toLowerCase(java.util.Locale.ROOT)
                    + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse("")));
        }
    }

    static void write(Path file, List<AppReport> apps) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode findings = root.putArray("findings");
        for (AppReport app : apps) {
            for (Finding finding : app.findings()) {
                ObjectNode entry = findings.addObject();
                entry.put("rule", finding.ruleId());
                entry.put("path", app.displayPath(finding.location().path()));
                entry.put("key", contentKey(app, finding));
                entry.put("message", finding.message());
            }
        }
        try {
            Files.writeString(file, MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write the baseline " + file + ": " + e.getMessage());
        }
    }

    /** The app's findings that the baseline does not know; {@code hidden} counts the others. */
    List<Finding> filter(AppReport app, int[] hidden) {
        List<Finding> fresh = new ArrayList<>();
        for (Finding finding : app.findings()) {
            String key = key(finding.ruleId(), app.displayPath(finding.location().path()), contentKey(app, finding));
            Integer left = entries.get(key);
            if (left != null && left > 0) {
                entries.put(key, left - 1);
                hidden[0]++;
            } else {
                fresh.add(finding);
            }
        }
        return fresh;
    }

    private static String contentKey(AppReport app, Finding finding) {
        return SarifReporter.contentKey(finding, app.lines().line(finding.location().path(), finding.location().line()));
    }

    private static String key(String rule, String path, String content) {
        return rule + "\u0000" + path + "\u0000" + content;
    }
}
