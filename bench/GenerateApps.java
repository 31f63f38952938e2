import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes benchmark inputs, deterministically (fixed seed): a monorepo of N small apps of varied
 * shape, and one pathological app (a 5 MB settings.py, a 50,000-line requirements.txt, 10,000
 * files). Run with `java bench/GenerateApps.java OUT [APPS]`; bench/run calls it.
 */
public final class GenerateApps {

    private static final String[] SERVERS = {"gunicorn==23.0.0", "gunicorn>=22", "uvicorn[standard]==0.30.1", "waitress==3.0.0"};
    private static final String[] PYTHONS = {"3.14", "3.13", "3.12", "3.11", "3.10", "3.9", "3.12.99"};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int apps = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Random random = new Random(42);
        for (int i = 0; i < apps; i++) {
            app(out.resolve("monorepo/app" + i), random);
        }
        pathological(out.resolve("pathological"));
    }

    private static void app(Path dir, Random random) throws IOException {
        Path site = dir.resolve("site" + random.nextInt(3));
        Files.createDirectories(site);
        String module = site.getFileName().toString();
        Files.writeString(dir.resolve("manage.py"), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', '" + module + ".settings')\n");
        Files.writeString(site.resolve("__init__.py"), "");
        Files.writeString(site.resolve("wsgi.py"), "from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n");
        StringBuilder settings = new StringBuilder("import os\nfrom pathlib import Path\nimport dj_database_url\n"
                + "BASE_DIR = Path(__file__).resolve().parent.parent\nDEBUG = " + (random.nextBoolean() ? "False" : "True") + "\n"
                + "INSTALLED_APPS = ['django.contrib.auth', 'django.contrib.staticfiles']\n"
                + "MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'whitenoise.middleware.WhiteNoiseMiddleware']\n"
                + "DATABASES = {'default': dj_database_url.config(conn_max_age=" + random.nextInt(700) + ")}\n");
        if (random.nextBoolean()) {
            settings.append("STATIC_ROOT = BASE_DIR / 'staticfiles'\n");
        }
        settings.append("STATIC_URL = 'static/'\n");
        for (int i = 0; i < 40 + random.nextInt(120); i++) {
            settings.append("SETTING_").append(i).append(" = os.environ.get('S").append(i).append("', '").append(i).append("')\n");
        }
        Files.writeString(site.resolve("settings.py"), settings);
        Files.writeString(dir.resolve("requirements.txt"), "django==5.2.8\n" + SERVERS[random.nextInt(SERVERS.length)]
                + "\ndj-database-url==3.0.1\nwhitenoise==6.9.0\n");
        Files.writeString(dir.resolve(".python-version"), PYTHONS[random.nextInt(PYTHONS.length)] + "\n");
        if (random.nextInt(4) > 0) {
            Files.writeString(dir.resolve("Procfile"), "web: gunicorn " + module + ".wsgi\n");
        }
        if (random.nextInt(5) == 0) {
            Files.writeString(dir.resolve("app.json"), "{\"name\": \"app\", \"buildpacks\": [{\"url\": \"heroku/python\"}, {\"url\": \"heroku/nodejs\"}]}\n");
            Files.writeString(dir.resolve("package.json"), "{\"name\": \"assets\", \"engines\": {\"node\": \"24.x\"}}\n");
        }
    }

    private static void pathological(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("big/files"));
        Files.writeString(dir.resolve("manage.py"), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'big.settings')\n");
        Files.writeString(dir.resolve("big/__init__.py"), "");
        StringBuilder settings = new StringBuilder("INSTALLED_APPS = ['django.contrib.staticfiles']\nSTATIC_URL = 'static/'\n");
        int n = 0;
        while (settings.length() < 5_000_000) {
            settings.append("VALUE_").append(n++).append(" = {'key': [1, 2, 3], 'name': \"value number ").append(n).append("\"}\n");
        }
        Files.writeString(dir.resolve("big/settings.py"), settings);
        StringBuilder requirements = new StringBuilder("django==5.2.8\ngunicorn==23.0.0\n");
        for (int i = 0; i < 50_000; i++) {
            requirements.append("package-").append(i).append("==1.").append(i % 100).append(".0\n");
        }
        Files.writeString(dir.resolve("requirements.txt"), requirements);
        for (int i = 0; i < 10_000; i++) {
            Files.writeString(dir.resolve("big/files/f" + i + ".txt"), "file " + i + "\n");
        }
        Files.writeString(dir.resolve("Procfile"), "web: gunicorn big.wsgi\n");
        Files.writeString(dir.resolve(".python-version"), "3.14\n");
    }
}
