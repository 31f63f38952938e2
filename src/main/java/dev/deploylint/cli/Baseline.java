package dev.deploylint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deploylint.lint.Finding;
import dev.deploylint.report.AppReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Known findings recorded to adopt deploylint on an existing app. Each is keyed by what it is
 * about, not by where it is anchored: the rule, the file (relative to the baseline file, so it
 * matches however the app's path is typed and wherever deploylint runs) and the finding's message
 * with its numbers blanked, which names the setting, value or missing file. A finding that moves to
 * another line, or whose anchor line changes (a version bump on the line a "missing Procfile"
 * finding points at), stays known. Filtering consumes one recorded entry per matching finding, so a
 * second copy of a known problem is still new.
 */
final class Baseline {

    static final int VERSION = 2;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Integer> entries;
    private final Path folder;

    private Baseline(Map<String, Integer> entries, Path folder) {
        this.entries = entries;
        this.folder = folder;
    }

    /** Checked before reading: a baseline of a million findings stays well below it. */
    static final long MAX_BYTES = 64L << 20;

    static Baseline read(Path file) {
        if (file.toFile().length() > MAX_BYTES) {
            throw new UsageException("--baseline " + file + " is larger than 64 MiB, too large for a deploylint baseline");
        }
        try {
            JsonNode root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root != null && root.path("version").asInt() == 1) {
                throw new UsageException(file + " is a version 1 baseline, keyed by source lines; write it again with --write-baseline");
            }
            if (root == null || root.path("version").asInt() != VERSION || !root.path("findings").isArray()) {
                throw new UsageException(file + " is not a deploylint baseline (version " + VERSION + ")");
            }
            Map<String, Integer> entries = new HashMap<>();
            for (JsonNode entry : root.path("findings")) {
                entries.merge(key(entry.path("rule").asText(), entry.path("path").asText(), entry.path("key").asText()), 1, Integer::sum);
            }
            return new Baseline(entries, folderOf(file));
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
        Path folder = folderOf(file);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode findings = root.putArray("findings");
        for (AppReport app : apps) {
            for (Finding finding : app.findings()) {
                ObjectNode entry = findings.addObject();
                entry.put("rule", finding.ruleId());
                entry.put("path", relativePath(folder, app, finding));
                entry.put("key", subject(finding));
                entry.put("message", finding.message());
            }
        }
        try {
            ReportFiles.replace(file, MAPPER.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UsageException("cannot write the baseline " + file + ": " + e.getMessage());
        }
    }

    /** The app's findings split into those the baseline does not know and those it does. */
    record Split(List<Finding> fresh, List<Finding> known) {
    }

    Split split(AppReport app) {
        List<Finding> fresh = new ArrayList<>();
        List<Finding> known = new ArrayList<>();
        for (Finding finding : app.findings()) {
            String key = key(finding.ruleId(), relativePath(folder, app, finding), subject(finding));
            Integer left = entries.get(key);
            if (left != null && left > 0) {
                entries.put(key, left - 1);
                known.add(finding);
            } else {
                fresh.add(finding);
            }
        }
        return new Split(fresh, known);
    }

    /** What the finding is about: its message, with numbers (versions, line numbers, counts) blanked. */
    static String subject(Finding finding) {
        return finding.message().replaceAll("[0-9]+", "0").replaceAll("\\s+", " ").strip();
    }

    /** The finding's file relative to the baseline's folder, '/'-separated. */
    private static String relativePath(Path folder, AppReport app, Finding finding) {
        Path file = Path.of(app.root()).resolve(finding.location().path()).toAbsolutePath().normalize();
        return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("/") : parent;
    }

    private static String key(String rule, String path, String content) {
        return rule + "\u0000" + path + "\u0000" + content;
    }
}
