import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the package tables against PyPI's JSON API (https://pypi.org/pypi/NAME/json, or NAME.json files
 * in --pypi-dir for an offline run) and stamps today's date as `checked` on each entry whose fact still
 * holds; an entry whose fact changed is printed and left alone for a person to edit.
 *
 * - uninstallable-packages.yaml: `no-files` (no release has a file), `windows-only` without `from`
 *   (the newest release has no source distribution and only Windows wheels), `python2-only` for every
 *   release (the newest release declares no Python 3: no `Python :: 3` classifier, no requires_python
 *   that admits 3). Other kinds (and `always-fails`, `no-wheel-for-python`) have no fact in the API and
 *   are listed as not checked.
 * - large-packages.yaml: `mb` against the newest release's largest manylinux x86_64 wheel, for entries
 *   that are not prefixes and whose figure is one wheel (torch's figure includes its CUDA dependencies
 *   and is not checked); a change of more than a quarter is printed.
 *
 * --check changes nothing and exits 1 when any fact changed. The `why` texts are never rewritten.
 *
 * Usage: java scripts/RefreshPackageTables.java [--pypi-dir DIR] [--checked YYYY-MM-DD] [--check]
 */
public final class RefreshPackageTables {

    private static final Path UNINSTALLABLE = Path.of("rules/data/uninstallable-packages.yaml");
    private static final Path LARGE = Path.of("rules/data/large-packages.yaml");
    private static final Pattern ENTRY = Pattern.compile("(?m)^  - name: (\\S+)\\n((?:    .*\\n)*)");

    private static Path pypiDir;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public static void main(String[] args) throws IOException, InterruptedException {
        String checked = LocalDate.now(ZoneOffset.UTC).toString();
        boolean check = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pypi-dir" -> pypiDir = Path.of(args[++i]);
                case "--checked" -> checked = LocalDate.parse(args[++i]).toString();
                case "--check" -> check = true;
                default -> {
                    System.err.println("usage: refresh-package-tables [--pypi-dir DIR] [--checked YYYY-MM-DD] [--check]");
                    System.exit(2);
                }
            }
        }
        List<String> changed = new ArrayList<>();
        refresh(UNINSTALLABLE, checked, check, changed, true);
        refresh(LARGE, checked, check, changed, false);
        changed.forEach(line -> System.out.println("CHANGED " + line));
        if (check && !changed.isEmpty()) {
            System.exit(1);
        }
    }

    private static void refresh(Path table, String checked, boolean check, List<String> changed, boolean uninstallable)
            throws IOException, InterruptedException {
        String text = Files.readString(table, StandardCharsets.UTF_8);
        Matcher m = ENTRY.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean anyHeld = false;
        while (m.find()) {
            String name = m.group(1);
            String body = m.group(2);
            String verdict = uninstallable ? judgeUninstallable(name, body) : judgeLarge(name, body);
            String block = m.group(0);
            if (verdict == null) {
                System.out.println(table.getFileName() + " " + name + ": not checkable from the PyPI JSON API, kept");
            } else if (verdict.isEmpty()) {
                System.out.println(table.getFileName() + " " + name + ": still holds");
                block = block.replaceFirst("(?m)^    checked: \"[^\"]*\"$", "    checked: \"" + checked + "\"");
                anyHeld = true;
            } else {
                changed.add(table.getFileName() + " " + name + ": " + verdict);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(block));
        }
        m.appendTail(out);
        String updated = out.toString();
        if (anyHeld) {
            updated = updated.replaceFirst("(?m)^checked: \"[^\"]*\"$", "checked: \"" + checked + "\"");
        }
        if (!check && !updated.equals(text)) {
            Files.writeString(table, updated, StandardCharsets.UTF_8);
        }
    }

    /** "" when the fact still holds, a reason when it changed, null when the API cannot tell. */
    private static String judgeUninstallable(String name, String body) throws IOException, InterruptedException {
        String kind = field(body, "kind");
        boolean everyRelease = field(body, "below") == null && field(body, "from") == null;
        if (kind.equals("no-files")) {
            String json = pypi(name);
            if (json == null) {
                return "";  // the project is gone from PyPI: still nothing to install
            }
            return Pattern.compile("\"filename\"").matcher(json).find() ? "PyPI now lists files for it" : "";
        }
        if (kind.equals("windows-only") && everyRelease) {
            String urls = newestUrls(name);
            if (urls == null) {
                return "not on PyPI any more";
            }
            boolean sdist = urls.contains("\"packagetype\": \"sdist\"") || urls.contains("\"packagetype\":\"sdist\"");
            List<String> wheels = matches(urls, "\"filename\":\\s*\"([^\"]+\\.whl)\"");
            boolean foreign = wheels.stream().anyMatch(w -> !w.toLowerCase(Locale.ROOT).contains("win")
                    && !w.toLowerCase(Locale.ROOT).endsWith("-any.whl"));
            return sdist || foreign ? "the newest release has a source distribution or a non-Windows wheel" : "";
        }
        if (kind.equals("python2-only") && everyRelease) {
            String json = pypi(name);
            if (json == null) {
                return "not on PyPI any more";
            }
            boolean python3 = json.contains("Programming Language :: Python :: 3")
                    || matches(json, "\"requires_python\":\\s*\"([^\"]*)\"").stream().anyMatch(r -> r.contains("3"));
            return python3 ? "the newest release declares Python 3" : "";
        }
        return null;
    }

    private static String judgeLarge(String name, String body) throws IOException, InterruptedException {
        if (name.endsWith("*") || field(body, "cpu_mb") != null) {
            return null;  // a prefix, or a figure that includes other packages
        }
        String urls = newestUrls(name);
        if (urls == null) {
            return "not on PyPI any more";
        }
        Matcher wheel = Pattern.compile("\"filename\":\\s*\"([^\"]*manylinux[^\"]*x86_64\\.whl)\"[^{}]*?\"size\":\\s*(\\d+)").matcher(urls);
        long largest = 0;
        while (wheel.find()) {
            largest = Math.max(largest, Long.parseLong(wheel.group(2)));
        }
        if (largest == 0) {
            return null;
        }
        long mb = Math.round(largest / 1_000_000.0);
        long recorded = Long.parseLong(field(body, "mb"));
        return Math.abs(mb - recorded) * 4 > recorded ? "newest manylinux x86_64 wheel is " + mb + " MB, the table says " + recorded : "";
    }

    /** The `urls` array of the newest release (the files of `info.version`). */
    private static String newestUrls(String name) throws IOException, InterruptedException {
        String json = pypi(name);
        if (json == null) {
            return null;
        }
        int at = json.indexOf("\"urls\"");
        return at < 0 ? "" : json.substring(at);
    }

    private static String pypi(String name) throws IOException, InterruptedException {
        if (pypiDir != null) {
            Path file = pypiDir.resolve(name + ".json");
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://pypi.org/pypi/" + name + "/json"))
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 404 ? null : response.body();
    }

    private static String field(String body, String key) {
        Matcher m = Pattern.compile("(?m)^    " + Pattern.quote(key) + ": \"?([^\"\\n]*)\"?$").matcher(body);
        return m.find() ? m.group(1).strip() : null;
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
