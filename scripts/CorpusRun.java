import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.Yaml;

/**
 * Lints every repository of the real-world corpus (corpus/repos.yaml) and compares the findings with the
 * judgements in corpus/judgements/. A measuring tool: it always exits 0 unless it cannot run at all.
 * Usage (through corpus/run): java -cp deploylint.jar scripts/CorpusRun.java PROJECT [owner/name...]
 */
public final class CorpusRun {

    record Finding(String rule, String severity, String path, int line, int column, String message) {
        String key() { return rule + " " + path + ":" + line; }
    }

    record Judgement(String rule, String path, int line, String verdict, String why) {
        String key() { return rule + " " + path + ":" + line; }
    }

    private final Path project;
    private final Path corpus;
    private final ObjectMapper json = new ObjectMapper();
    private int right, wrong, debatable, wrongErrors, unjudged, rightAny, missed, notesRight, notesOther;

    private CorpusRun(Path project) {
        this.project = project;
        this.corpus = project.resolve("corpus");
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        new CorpusRun(project).run(List.of(args).subList(Math.min(1, args.length), args.length));
    }

    @SuppressWarnings("unchecked")
    private void run(List<String> only) throws Exception {
        List<Map<String, Object>> repos = new Yaml().load(Files.readString(corpus.resolve("repos.yaml")));
        Path mirrors = mirrors();
        List<String> unjudgedLines = new ArrayList<>();
        List<String> doubtfulLines = new ArrayList<>();
        List<String> goneLines = new ArrayList<>();
        System.out.printf("%-62s %4s %3s %3s %3s  %s%n", "repository (root)", "exit", "E", "W", "N", "judged r/w/d, unjudged");
        for (Map<String, Object> repo : repos) {
            String name = (String) repo.get("repo");
            if (!only.isEmpty() && !only.contains(name)) {
                continue;
            }
            String commit = String.valueOf(repo.get("commit"));
            String root = String.valueOf(repo.getOrDefault("root", "."));
            boolean noApp = "no-app".equals(repo.get("expect"));
            Path checkout = corpus.resolve(".checkouts").resolve(name.replace('/', '+'));
            if (!Files.isDirectory(checkout)) {
                extract(mirrors, name, commit, checkout);
            }
            Path appRoot = checkout.resolve(root).normalize();
            int[] exit = new int[1];
            List<Finding> findings = lint(appRoot, exit);
            if (noApp && exit[0] != 2) {
                findings.add(0, new Finding("NO-APP", "error", ".", 0, 0,
                        "linted as an app (exit " + exit[0] + ") although it is not one"));
            }
            Map<String, Judgement> judged = judgements(name);
            int[] counts = new int[3];
            int r = 0, w = 0, d = 0, u = 0;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Finding f : findings) {
                counts["error".equals(f.severity) ? 0 : "warning".equals(f.severity) ? 1 : 2]++;
                Judgement j = judged.get(f.key());
                seen.add(f.key());
                if (j == null) {
                    u++;
                    unjudgedLines.add(String.format("%s  %s %s %s:%d:%d  %s", name, f.rule, f.severity, f.path, f.line,
                            f.column, f.message));
                    continue;
                }
                boolean counted = !"note".equals(f.severity);
                if (counted && !"right".equals(j.verdict)) {
                    doubtfulLines.add(String.format("%s  %s %s %s:%d  %s: %s", name, f.rule, f.severity, f.path, f.line, j.verdict, j.why));
                }
                switch (j.verdict) {
                    case "right" -> { r++; rightAny++; if (counted) right++; else notesRight++; }
                    case "wrong" -> { w++; if (counted) wrong++; else notesOther++; if ("error".equals(f.severity)) wrongErrors++; }
                    default -> { d++; if (counted) debatable++; else notesOther++; }
                }
            }
            for (Judgement j : judged.values()) {
                if (!seen.contains(j.key())) {
                    goneLines.add(String.format("%s  %s %s:%d  was %s: %s", name, j.rule, j.path, j.line, j.verdict, j.why));
                }
            }
            unjudged += u;
            System.out.printf("%-62s %4d %3d %3d %3d  %d/%d/%d, %d%n", name + (".".equals(root) ? "" : " (" + root + ")"),
                    exit[0], counts[0], counts[1], counts[2], r, w, d, u);
        }
        System.out.println();
        System.out.println("Findings not yet judged (" + unjudgedLines.size() + "):");
        unjudgedLines.forEach(l -> System.out.println("  " + l));
        System.out.println();
        System.out.println("Error and warning findings judged wrong or debatable, still reported (" + doubtfulLines.size() + "):");
        doubtfulLines.forEach(l -> System.out.println("  " + l));
        System.out.println();
        System.out.println("Judged findings that no longer appear (" + goneLines.size() + "):");
        goneLines.forEach(l -> System.out.println("  " + l));
        System.out.println();
        System.out.println("Totals (error + warning findings): right " + right + ", wrong " + wrong + ", debatable " + debatable
                + ", unjudged " + unjudged + " (all severities)");
        System.out.printf("  precision right/(right+wrong+debatable) = %s%n", ratio(right, right + wrong + debatable));
        System.out.printf("  precision right/(right+wrong)           = %s%n", ratio(right, right + wrong));
        System.out.println("  wrong errors: " + wrongErrors);
        System.out.println("  notes: right " + notesRight + ", wrong or debatable " + notesOther);
        System.out.printf("  recall right/(right+missed) = %s  (right findings of any severity %d, missed %d)%n",
                ratio(rightAny, rightAny + missed), rightAny, missed);
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "n/a" : String.format("%.1f%% (%d/%d)", 100.0 * a / b, a, b);
    }

    private Path mirrors() {
        String env = System.getenv("CORPUS_MIRRORS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (Path p = project.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mirror"))) {
                return p.resolve(".mirror");
            }
        }
        return project.resolveSibling(".mirror");
    }

    private static void extract(Path mirrors, String name, String commit, Path checkout) throws Exception {
        String prefix = name.replace('/', '+');
        Path gitDir = null;
        try (var dirs = Files.list(mirrors)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(prefix)).toList()) {
                for (Path candidate : List.of(dir.resolve("repo/.git"), dir.resolve("repo"), dir)) {
                    if (Files.isDirectory(candidate.resolve("objects"))) {
                        gitDir = candidate;
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("no mirror folder at " + mirrors + " (set CORPUS_MIRRORS)", e);
        }
        if (gitDir == null) {
            System.err.println("corpus: no mirror of " + name + " under " + mirrors + "; fetch it first");
            return;
        }
        Files.createDirectories(checkout);
        Process p = new ProcessBuilder("bash", "-c", "git --git-dir=\"$1\" archive \"$2\" | tar -x -C \"$3\"", "extract",
                gitDir.toString(), commit, checkout.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            System.err.println("corpus: could not extract " + name + "@" + commit + "; its mirror is incomplete");
            new ProcessBuilder("rm", "-rf", checkout.toString()).start().waitFor();
        }
    }

    private List<Finding> lint(Path appRoot, int[] exit) throws Exception {
        String cmd = System.getenv().getOrDefault("DEPLOYLINT", project.resolve("deploylint").toString());
        List<String> argv = new ArrayList<>(List.of(cmd.trim().split("\\s+")));
        argv.addAll(List.of("check", "--format", "json", "--color", "never", appRoot.toString()));
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        exit[0] = p.waitFor();
        List<Finding> findings = new ArrayList<>();
        if (out.isBlank()) {
            return findings;
        }
        JsonNode report = json.readTree(out);
        for (JsonNode app : report.path("apps")) {
            for (JsonNode f : app.path("findings")) {
                String path = f.path("path").asText(".");
                Path abs = Path.of(path);
                String rel = abs.isAbsolute() && abs.startsWith(appRoot) ? appRoot.relativize(abs).toString() : path;
                findings.add(new Finding(f.path("ruleId").asText(), f.path("severity").asText(), rel.isEmpty() ? "." : rel,
                        f.path("line").asInt(0), f.path("column").asInt(0), f.path("message").asText()));
            }
        }
        return findings;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Judgement> judgements(String name) throws IOException {
        Map<String, Judgement> byKey = new LinkedHashMap<>();
        Path file = corpus.resolve("judgements").resolve(name.replace('/', '+') + ".yaml");
        if (!Files.exists(file)) {
            return byKey;
        }
        Map<String, Object> doc = new Yaml().load(Files.readString(file));
        if (doc == null) {
            return byKey;
        }
        for (Map<String, Object> j : (List<Map<String, Object>>) doc.getOrDefault("findings", List.of())) {
            Object line = j.get("line");
            Judgement judgement = new Judgement(String.valueOf(j.get("rule")), String.valueOf(j.getOrDefault("path", ".")),
                    line == null ? 0 : ((Number) line).intValue(), String.valueOf(j.get("verdict")),
                    Objects.toString(j.get("why"), ""));
            byKey.put(judgement.key(), judgement);
        }
        Object missedList = doc.get("missed");
        if (missedList instanceof List<?> list) {
            missed += list.size();
        }
        return byKey;
    }
}
