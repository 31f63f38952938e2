import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the inputs that were once quadratic (issue 14, point 5), each a small Django app with one
 * oversized file, at a scale: 1 is the size the issue measured, 0.1 and 0.01 a tenth and a
 * hundredth, so timing the three shows whether time grows linearly. Run with
 * `java bench/GenerateQuadraticInputs.java OUT [SCALE]`; each app is written to OUT/<name>.
 * The text builders are public so other benchmarks can call them.
 */
public final class GenerateQuadraticInputs {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        app(out.resolve("poetry-lock"), "poetry.lock", poetryLock(scaled(20_000, scale)));
        app(out.resolve("pyproject"), "pyproject.toml", pyproject(scaled(500_000, scale)));
        app(out.resolve("augmented-assignment"), "mysite/settings.py", settings(augmentedAssignments(scaled(256_000, scale))));
        app(out.resolve("chained-comparison"), "mysite/settings.py", settings(chainedComparison(scaled(20_000, scale))));
        app(out.resolve("suppressions"), "requirements.txt", suppressedRequirements(scaled(100_000, scale)));
    }

    private static int scaled(int size, double scale) {
        return Math.max(1, (int) Math.round(size * scale));
    }

    private static void app(Path dir, String big, String text) throws IOException {
        Files.createDirectories(dir.resolve("mysite"));
        Files.writeString(dir.resolve("Procfile"), "web: gunicorn mysite.wsgi\n");
        Files.writeString(dir.resolve(".python-version"), "3.12\n");
        Files.writeString(dir.resolve("manage.py"), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
        Files.writeString(dir.resolve("mysite/__init__.py"), "");
        Files.writeString(dir.resolve("mysite/wsgi.py"), "from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n");
        Files.writeString(dir.resolve("mysite/settings.py"), settings(""));
        if (!big.equals("requirements.txt")) {
            Files.writeString(dir.resolve("requirements.txt"), "django==5.1.4\ngunicorn==23.0.0\n");
        }
        Files.writeString(dir.resolve(big), text);
    }

    private static String settings(String more) {
        return "import os\nDEBUG = False\nSECRET_KEY = os.environ['SECRET_KEY']\nALLOWED_HOSTS = ['.herokuapp.com']\n"
                + "INSTALLED_APPS = ['django.contrib.staticfiles']\nSTATIC_URL = '/static/'\n" + more;
    }

    /** A poetry.lock of {@code packages} packages: each was once located by a scan of the whole file. */
    public static String poetryLock(int packages) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < packages; i++) {
            text.append("[[package]]\nname = \"pkg").append(i).append("\"\nversion = \"1.0.").append(i)
                    .append("\"\ndescription = \"\"\noptional = false\npython-versions = \"*\"\n\n");
        }
        return text.append("[metadata]\nlock-version = \"2.0\"\npython-versions = \"^3.12\"\ncontent-hash = \"0\"\n").toString();
    }

    /** A pyproject.toml with {@code dependencies} PEP 621 dependencies: each was once found by a search from the file start. */
    public static String pyproject(int dependencies) {
        StringBuilder text = new StringBuilder("[project]\nname = \"mysite\"\nversion = \"1\"\ndependencies = [\n  \"django==5.1.4\",\n");
        for (int i = 0; i < dependencies; i++) {
            text.append("  \"pkg").append(i).append(">=1.0\",\n");
        }
        return text.append("]\n").toString();
    }

    /** {@code times} lines of {@code L += [...]}: the list was once copied on every line. */
    public static String augmentedAssignments(int times) {
        StringBuilder text = new StringBuilder("L = []\n");
        for (int i = 0; i < times; i++) {
            text.append("L += ['x").append(i).append("']\n");
        }
        return text.toString();
    }

    /** One comparison of {@code terms} terms: its operands were once fetched by index from the parse tree, each a scan. */
    public static String chainedComparison(int terms) {
        return "C = 1" + " < 1".repeat(Math.max(0, terms - 1)) + "\n";
    }

    /** A requirements.txt of {@code comments} lines, each with a suppression comment: every finding was once compared with every comment. */
    public static String suppressedRequirements(int comments) {
        StringBuilder text = new StringBuilder("django==5.1.4\ngunicorn==23.0.0\n");
        for (int i = 0; i < comments; i++) {
            text.append("pkg").append(i).append(">=1.0  # deploylint: ignore[RQ001] reviewed\n");
        }
        return text.toString();
    }
}
