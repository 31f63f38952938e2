import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.Yaml;

/**
 * The fix half of the real-world corpus: for each repository of corpus/repos.yaml already checked
 * out under corpus/.checkouts (corpus/run extracts them), copy the app to a temporary folder, lint
 * it, run `deploylint fix` (safe fixes only), lint again, and count the findings before and after.
 * A rule that reports more after the fix than before is a "new" finding, which must never happen.
 * Run through scripts/corpus-fix; DEPLOYLINT is the command, as for corpus/run.
 */
public final class CorpusFix {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path corpus = project.resolve("corpus");
        String command = System.getenv().getOrDefault("DEPLOYLINT", project.resolve("deploylint").toString());
        List<Map<String, Object>> repos = new Yaml().load(Files.readString(corpus.resolve("repos.yaml")));
        int repositories = 0, fixedRepos = 0, before = 0, after = 0, newFindings = 0, failures = 0;
        System.out.printf("%-62s %6s %6s %4s  %s%n", "repository (root)", "before", "after", "new", "rules fixed");
        for (Map<String, Object> repo : repos) {
            String name = (String) repo.get("repo");
            String root = String.valueOf(repo.getOrDefault("root", "."));
            if ("no-app".equals(repo.get("expect"))) {
                continue;
            }
            Path checkout = corpus.resolve(".checkouts").resolve(name.replace('/', '+'));
            if (!Files.isDirectory(checkout)) {
                continue;
            }
            Path temp = Files.createTempDirectory("deploylint-corpus-fix");
            try {
                run(List.of("cp", "-a", checkout.toString() + "/.", temp.toString()));
                Path app = temp.resolve(root).normalize();
                Map<String, Integer> was = counts(command, app);
                List<String> fixArgs = new ArrayList<>(List.of(command.trim().split("\\s+")));
                fixArgs.addAll(List.of("fix", "--exit-zero", "--quiet", "--format", "compact", app.toString()));
                int exit = run(fixArgs);
                Map<String, Integer> now = counts(command, app);
                int b = was.values().stream().mapToInt(Integer::intValue).sum();
                int a = now.values().stream().mapToInt(Integer::intValue).sum();
                int added = 0;
                List<String> fixedRules = new ArrayList<>();
                for (String rule : new java.util.TreeSet<>(union(was, now))) {
                    int diff = now.getOrDefault(rule, 0) - was.getOrDefault(rule, 0);
                    if (diff > 0) {
                        added += diff;
                        fixedRules.add("+" + diff + " " + rule);
                    } else if (diff < 0) {
                        fixedRules.add(diff + " " + rule);
                    }
                }
                repositories++;
                fixedRepos += a < b ? 1 : 0;
                before += b;
                after += a;
                newFindings += added;
                failures += exit > 1 ? 1 : 0;
                System.out.printf("%-62s %6d %6d %4d  %s%s%n", name + (".".equals(root) ? "" : " (" + root + ")"), b, a, added,
                        String.join(", ", fixedRules), exit > 1 ? "  (fix exited " + exit + ")" : "");
            } finally {
                run(List.of("rm", "-rf", temp.toString()));
            }
        }
        System.out.println();
        System.out.printf("%d repositories, %d changed by safe fixes; findings %d before, %d after; new findings %d; fix failures %d%n",
                repositories, fixedRepos, before, after, newFindings, failures);
        System.exit(newFindings == 0 && failures == 0 ? 0 : 1);
    }

    private static java.util.Set<String> union(Map<String, Integer> a, Map<String, Integer> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static Map<String, Integer> counts(String command, Path app) throws Exception {
        List<String> argv = new ArrayList<>(List.of(command.trim().split("\\s+")));
        argv.addAll(List.of("check", "--format", "json", "--color", "never", app.toString()));
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Map<String, Integer> counts = new TreeMap<>();
        if (!out.isBlank()) {
            for (JsonNode one : JSON.readTree(out).path("apps")) {
                for (JsonNode f : one.path("findings")) {
                    counts.merge(f.path("ruleId").asText(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static int run(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }
}
