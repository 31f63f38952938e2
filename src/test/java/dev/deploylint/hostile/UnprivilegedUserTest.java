package dev.deploylint.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deploylint.cli.Main;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Permission-denied files and folders, through the real command in a separate JVM. Root reads
 * whatever the permissions say, so as root the command runs as the unprivileged uid 65534 through
 * {@code setpriv}; it then needs its own copy of the classpath, since root's Maven repository is
 * private. Skipped only as root without {@code setpriv}.
 */
class UnprivilegedUserTest {

    private static final String NOBODY = "65534";

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    private static List<String> prefix;
    private static String classpath;

    @BeforeAll
    static void copyTheClasspath() throws IOException, InterruptedException, URISyntaxException {
        boolean root = "0".equals(run(List.of("id", "-u")).trim());
        if (root) {
            assumeTrue(onPath("setpriv"), "running as root without setpriv: no unprivileged user to run as");
            prefix = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
        } else {
            prefix = List.of();
        }
        open(shared);
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (Path entry : runtimeClasspath()) {
            Path copy = shared.resolve("cp" + n++ + (Files.isDirectory(entry) ? "" : ".jar"));
            copyReadable(entry, copy);
            entries.add(copy.toString());
        }
        classpath = String.join(java.io.File.pathSeparator, entries);
    }

    @Test
    void unreadableFilesAreWarningsNamingEachFile() throws Exception {
        Path app = djangoApp();
        Files.writeString(app.resolve("mysite/settings.py"), "DEBUG = True\n");
        Path locked = Files.createDirectories(app.resolve("locked"));
        Files.writeString(locked.resolve("Procfile"), "web: gunicorn x.wsgi\n");
        Files.setPosixFilePermissions(app.resolve("mysite/settings.py"), Set.of());
        Files.setPosixFilePermissions(app.resolve("requirements.txt"), Set.of());
        Files.setPosixFilePermissions(locked, Set.of());

        Result result = deploylint("--color", "never", "--format", "compact", app.toString());

        assertEquals(1, result.code(), result.toString());
        assertTrue(result.out().contains("requirements.txt:1:1: DL001 warning: `requirements.txt` cannot be read (permission denied)"),
                result.toString());
        assertTrue(result.out().contains("settings.py:1:1: DL001 warning: `mysite/settings.py` cannot be read (permission denied)"),
                result.toString());
        assertFalse(result.out().contains("DJ003"), "the settings were not read, so DEBUG = True is unknown: " + result);
        assertEquals("", result.err(), "nothing on stderr: " + result);
    }

    @Test
    void anUnreadableAppRootIsAUsageErrorNamingTheFolder() throws Exception {
        Path app = djangoApp();
        Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwx------"));

        Result result = deploylint(app.toString());

        assertEquals(2, result.code(), result.toString());
        assertEquals("", result.out(), result.toString());
        assertEquals(List.of("deploylint: " + app + " cannot be listed (permission denied), so deploylint cannot check the app in it"),
                result.err().lines().toList(), result.toString());
    }

    private record Result(int code, String out, String err) {}

    private Result deploylint(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-cp", classpath, Main.class.getName()));
        command.addAll(List.of(args));
        Path out = shared.resolve("out-" + System.nanoTime());
        Path err = shared.resolve("err-" + System.nanoTime());
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("HOME", work.toString());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command finished");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A minimal Django app in a folder the unprivileged user can traverse. */
    private Path djangoApp() throws IOException {
        open(work);
        Path app = Files.createDirectories(work.resolve("app"));
        Files.createDirectories(app.resolve("mysite"));
        Files.writeString(app.resolve("manage.py"), "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
        Files.writeString(app.resolve("mysite/__init__.py"), "");
        Files.writeString(app.resolve("mysite/wsgi.py"), "application = None\n");
        Files.writeString(app.resolve("requirements.txt"), "django==5.2.8\ngunicorn==23.0.0\n");
        Files.writeString(app.resolve("Procfile"), "web: gunicorn mysite.wsgi\n");
        Files.writeString(app.resolve(".python-version"), "3.14\n");
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return app;
    }

    /** The classpath of this JVM; Surefire passes it inside a manifest-only jar. */
    private static Set<Path> runtimeClasspath() throws IOException, URISyntaxException {
        Set<Path> entries = new LinkedHashSet<>();
        entries.add(Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    String manifestPath = jar.getManifest() == null ? null
                            : jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifestPath != null && path.getFileName().toString().startsWith("surefirebooter")) {
                        for (String url : manifestPath.trim().split("\\s+")) {
                            entries.add(Path.of(path.getParent().toUri().resolve(url)));
                        }
                        continue;
                    }
                }
            }
            entries.add(path);
        }
        entries.removeIf(p -> !Files.exists(p) || p.toString().contains("test-classes"));
        return entries;
    }

    private static void copyReadable(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to);
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                    open(target);
                } else {
                    Files.copy(file, target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    private static void open(Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }
}
