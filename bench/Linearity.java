import dev.deploylint.lint.Linter;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.project.Project;
import dev.deploylint.rules.BuiltInRules;
import dev.deploylint.rules.data.PythonVersionTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Shows whether loading and linting one app grows linearly with the size of one of its files:
 * for each input it writes an app whose file is 1x, 10x, 100x and 1000x a normal size (a larger
 * multiple only when asked), then times Project.open + every rule in this JVM, after a warm-up, as
 * the fastest of a few runs (one at 1000x), in CPU time of the linting thread (other processes on a shared machine
 * disturb it far less than wall time). A size expected to take over LIMIT seconds is skipped and
 * printed with the time it would take if its growth went on (a quadratic input would take minutes).
 *
 * Run with the built jar: java -cp target/deploylint.jar bench/Linearity.java OUT [CASE...]
 * (bench/run does). Prints one line per input: milliseconds per size, then the growth from 10x
 * to 100x and from 100x to 1000x (10.0 is linear).
 */
public final class Linearity {

    private static final int[] SCALES = {1, 10, 100, 1000};
    private static final double LIMIT_SECONDS = 30;
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    /** One input: its name, what 1x is, and the app at scale k written into a folder. */
    private record Case(String name, String normal, Writer writer) {
    }

    private interface Writer {
        void write(Path app, int k) throws IOException;
    }

    private static final List<Case> CASES = List.of(
            new Case("procfile", "4 process types", (app, k) -> {
                base(app, "requirements.txt", "django==5.2.8\ngunicorn==23.0.0\n");
                write(app, "Procfile", k, i -> "web" + i + ": gunicorn site.wsgi --log-file -\nworker" + i
                        + ": celery -A site worker\nrelease" + i + ": python manage.py migrate\nclock" + i + ": python clock.py\n");
            }),
            new Case("procfile-dup", "4 lines, one type", (app, k) -> {
                base(app, "requirements.txt", "django==5.2.8\ngunicorn==23.0.0\n");
                write(app, "Procfile", k, i -> "web: gunicorn site.wsgi\nweb: gunicorn site.wsgi --workers 2\n"
                        + "worker: celery -A site worker\nworker: celery -A site worker -B\n");
            }),
            new Case("requirements", "30 lines", (app, k) -> {
                base(app, "Procfile", "web: gunicorn site.wsgi\n");
                StringBuilder text = new StringBuilder("django==5.2.8\ngunicorn==23.0.0\n");
                for (int i = 0; i < 30 * k - 2; i++) {
                    text.append(i % 5 == 0 ? "# pinned for the API\n" : "package-" + i + "[extra]>=1." + (i % 10) + ",<3 ; python_version >= '3.9'\n");
                }
                Files.writeString(app.resolve("requirements.txt"), text);
            }),
            new Case("requirements -r", "3 files chained", (app, k) -> {
                base(app, "Procfile", "web: gunicorn site.wsgi\n");
                Files.createDirectories(app.resolve("requirements"));
                Files.writeString(app.resolve("requirements.txt"), "-r requirements/r0.txt\n");
                int files = 3 * k;
                for (int i = 0; i < files; i++) {
                    Files.writeString(app.resolve("requirements/r" + i + ".txt"), (i + 1 < files ? "-r r" + (i + 1) + ".txt\n" : "")
                            + (i == 0 ? "django==5.2.8\ngunicorn==23.0.0\n" : "") + "package-" + i + "==1.0\n");
                }
            }),
            new Case("poetry.lock (TOML)", "30 packages", (app, k) -> {
                base(app, "Procfile", "web: gunicorn site.wsgi\n");
                Files.writeString(app.resolve("pyproject.toml"), "[tool.poetry]\nname = \"site\"\nversion = \"1.0\"\n\n"
                        + "[tool.poetry.dependencies]\npython = \"^3.12\"\ndjango = \"5.2.8\"\ngunicorn = \"23.0.0\"\n");
                write(app, "poetry.lock", 30 * k, i -> "[[package]]\nname = \"package-" + i + "\"\nversion = \"1." + (i % 10)
                        + ".0\"\ndescription = \"a package\"\noptional = false\npython-versions = \">=3.8\"\nfiles = [\n"
                        + "    {file = \"package-" + i + ".whl\", hash = \"sha256:" + "ab".repeat(32) + "\"},\n]\n\n");
                Files.writeString(app.resolve("poetry.lock"), "[[package]]\nname = \"django\"\nversion = \"5.2.8\"\n\n"
                        + "[[package]]\nname = \"gunicorn\"\nversion = \"23.0.0\"\n\n" + Files.readString(app.resolve("poetry.lock"))
                        + "[metadata]\nlock-version = \"2.0\"\npython-versions = \"^3.12\"\n");
            }),
            new Case("pyproject.toml deps", "30 dependencies", (app, k) -> {
                base(app, "Procfile", "web: gunicorn site.wsgi\n");
                StringBuilder text = new StringBuilder("[project]\nname = \"site\"\nversion = \"1.0\"\nrequires-python = \">=3.12\"\n"
                        + "dependencies = [\n    \"django==5.2.8\",\n    \"gunicorn==23.0.0\",\n");
                for (int i = 0; i < 30 * k - 2; i++) {
                    text.append("    \"package-").append(i).append(">=1.").append(i % 10).append("\",\n");
                }
                Files.writeString(app.resolve("pyproject.toml"), text.append("]\n"));
                Files.writeString(app.resolve("uv.lock"), "version = 1\n\n[[package]]\nname = \"django\"\nversion = \"5.2.8\"\n");
            }),
            new Case("Pipfile.lock (JSON)", "30 packages", (app, k) -> {
                base(app, "Procfile", "web: gunicorn site.wsgi\n");
                Files.writeString(app.resolve("Pipfile"), "[packages]\ndjango = \"==5.2.8\"\ngunicorn = \"*\"\n\n[requires]\npython_version = \"3.12\"\n");
                StringBuilder text = new StringBuilder("{\n  \"_meta\": {\"requires\": {\"python_version\": \"3.12\"}},\n  \"default\": {\n"
                        + "    \"django\": {\"version\": \"==5.2.8\"},\n    \"gunicorn\": {\"version\": \"==23.0.0\"}");
                for (int i = 0; i < 30 * k; i++) {
                    text.append(",\n    \"package-").append(i).append("\": {\"hashes\": [\"sha256:").append("cd".repeat(32))
                            .append("\"], \"index\": \"pypi\", \"version\": \"==1.").append(i % 10).append(".0\"}");
                }
                Files.writeString(app.resolve("Pipfile.lock"), text.append("\n  },\n  \"develop\": {}\n}\n"));
            }),
            new Case("app.json", "10 config vars", (app, k) -> {
                base(app, "Procfile", "web: gunicorn site.wsgi\n");
                Files.writeString(app.resolve("requirements.txt"), "django==5.2.8\ngunicorn==23.0.0\n");
                StringBuilder text = new StringBuilder("{\n  \"name\": \"site\",\n  \"buildpacks\": [{\"url\": \"heroku/python\"}],\n  \"env\": {\n");
                for (int i = 0; i < 10 * k; i++) {
                    text.append(i == 0 ? "" : ",\n").append("    \"VAR_").append(i).append("\": {\"description\": \"variable ")
                            .append(i).append("\", \"value\": \"").append(i).append("\", \"required\": ").append(i % 2 == 0).append('}');
                }
                Files.writeString(app.resolve("app.json"), text.append("\n  },\n  \"formation\": {\"web\": {\"quantity\": 1}}\n}\n"));
            }),
            new Case("settings.py", "150 lines", (app, k) -> {
                base(app, "Procfile", "web: gunicorn site.wsgi\n");
                Files.writeString(app.resolve("requirements.txt"), "django==5.2.8\ngunicorn==23.0.0\ndj-database-url==3.0.1\n");
                StringBuilder text = new StringBuilder("import os\nfrom pathlib import Path\nimport dj_database_url\n"
                        + "BASE_DIR = Path(__file__).resolve().parent.parent\nDEBUG = os.environ.get('DEBUG') == '1'\n"
                        + "INSTALLED_APPS = ['django.contrib.auth', 'django.contrib.staticfiles']\n"
                        + "DATABASES = {'default': dj_database_url.config(conn_max_age=600)}\nSTATIC_URL = 'static/'\n"
                        + "STATIC_ROOT = BASE_DIR / 'staticfiles'\n");
                for (int i = 0; i < 15 * k; i++) {
                    text.append("SETTING_").append(i).append(" = os.environ.get('S").append(i).append("', '").append(i).append("')\n")
                            .append("if SETTING_").append(i).append(":\n    LIST_").append(i).append(" = [SETTING_").append(i)
                            .append(", 'x', ").append(i).append("]\nelse:\n    LIST_").append(i).append(" = []\n")
                            .append("CONFIG_").append(i).append(" = {'name': 'c").append(i).append("', 'items': LIST_").append(i)
                            .append(", 'on': True}\n")
                            .append("def helper_").append(i).append("(value):\n    return value\n")
                            .append("# setting ").append(i).append(" is read from the environment\n");
                }
                Files.writeString(app.resolve("site/settings.py"), text);
            }));

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        List<String> only = List.of(args).subList(1, args.length);
        int[] scales = System.getProperty("scales") == null ? SCALES
                : Stream.of(System.getProperty("scales").split(",")).mapToInt(Integer::parseInt).toArray();
        String stack = PythonVersionTable.get().defaultStack();
        Linter linter = new Linter(BuiltInRules.ALL, RuleCatalog.load(BuiltInRules.ids()));
        List<Case> cases = CASES.stream().filter(c -> only.isEmpty() || only.contains(c.name())).toList();
        for (Case c : cases) { // warm-up: the JIT compiles what every size runs
            Path app = app(out, c, 1);
            long until = System.nanoTime() + 3_000_000_000L / cases.size();
            while (System.nanoTime() < until) {
                linter.lint(Project.open(app, stack, Map.of()));
            }
        }
        StringBuilder header = new StringBuilder(String.format("%-22s %-18s", "input", "1x is"));
        for (int scale : scales) {
            header.append(String.format(" %10s", scale + "x"));
        }
        System.out.println(header + "   growth per 10x (10.0 = linear)");
        for (Case c : cases) {
            StringBuilder line = new StringBuilder(String.format("%-22s %-18s", c.name(), c.normal()));
            List<Double> times = new ArrayList<>();
            double predicted = 0;
            for (int s = 0; s < scales.length; s++) {
                int scale = scales[s];
                if (predicted > LIMIT_SECONDS * 1000) {
                    line.append(String.format(" %10s", String.format("~%.0fs?", predicted / 1000)));
                    times.add(Double.NaN);
                    predicted = Double.POSITIVE_INFINITY;
                    continue;
                }
                Path app = app(out, c, scale);
                double best = Double.MAX_VALUE;
                for (int run = 0; run < (scale >= 1000 ? 1 : 3); run++) {
                    long start = THREAD.getCurrentThreadCpuTime();
                    linter.lint(Project.open(app, stack, Map.of()));
                    best = Math.min(best, (THREAD.getCurrentThreadCpuTime() - start) / 1e6);
                }
                times.add(best);
                line.append(String.format(" %8.1fms", best));
                // The next size's time if the growth seen so far goes on (at least linear).
                double ratio = s + 1 < scales.length ? scales[s + 1] / (double) scale : 1;
                double exponent = s == 0 || scales[s - 1] < 10 ? 1
                        : Math.max(1, Math.log(best / times.get(s - 1)) / Math.log(scale / (double) scales[s - 1]));
                predicted = best * Math.pow(ratio, exponent);
                if (System.getProperty("keep") == null) {
                    delete(app);
                }
            }
            line.append("  ");
            for (int i = 1; i < scales.length; i++) {
                double growth = times.get(i) / times.get(i - 1) * 10.0 / (scales[i] / (double) scales[i - 1]);
                if (scales[i - 1] >= 10 && !Double.isNaN(growth)) {
                    line.append(String.format(" %s %.1f", scales[i - 1] + "x->" + scales[i] + "x:", growth));
                }
            }
            System.out.println(line);
        }
    }

    private static Path app(Path out, Case c, int scale) throws IOException {
        Path app = out.resolve(c.name().replaceAll("[^a-zA-Z0-9]+", "-") + "-" + scale);
        delete(app);
        Files.createDirectories(app.resolve("site"));
        Files.writeString(app.resolve("manage.py"), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n");
        Files.writeString(app.resolve("site/__init__.py"), "");
        Files.writeString(app.resolve("site/wsgi.py"), "from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n");
        Files.writeString(app.resolve("site/settings.py"), "INSTALLED_APPS = ['django.contrib.staticfiles']\nSTATIC_URL = 'static/'\n"
                + "STATIC_ROOT = 'staticfiles'\n");
        Files.writeString(app.resolve(".python-version"), "3.12\n");
        c.writer().write(app, scale);
        return app;
    }

    private static void base(Path app, String file, String text) throws IOException {
        Files.writeString(app.resolve(file), text);
    }

    private static void write(Path app, String file, int k, IntFunction<String> block) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < k; i++) {
            text.append(block.apply(i));
        }
        Files.writeString(app.resolve(file), text);
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
