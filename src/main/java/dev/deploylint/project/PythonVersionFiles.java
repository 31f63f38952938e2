package dev.deploylint.project;

import dev.deploylint.parse.json.Json;
import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The files that choose the app's Python version and what each asks for, parsed with the Heroku
 * Python buildpack's grammar (lib/python_version.sh, v351): lines are trimmed, blank and
 * {@code #} lines dropped; runtime.txt must then hold exactly {@code python-N.N[.N]}, and
 * .python-version exactly one {@code N.N[.N]}, where N has no leading zeros. Precedence:
 * runtime.txt, then .python-version, then (for Pipenv) Pipfile.lock. {@code unreadPipfileLock} is
 * the version a Pipfile.lock declares when several package-manager files make the build fail
 * before it reads one.
 */
public record PythonVersionFiles(Optional<Declared> runtimeTxt, Optional<Declared> pythonVersion,
                                 Optional<Declared> pipfileLock, Optional<Declared> unreadPipfileLock, List<Invalid> invalid,
                                 boolean pipfileUnlocked) {

    public static final String RUNTIME_TXT = "runtime.txt";
    public static final String PYTHON_VERSION = ".python-version";

    /** A requested version: {@code text} as written ("3.12" or "3.12.4"), located at its first digit. */
    public record Declared(String text, int major, int minor, Integer patch, Location at) {

        public String source() {
            return at.path();
        }

        public String minorVersion() {
            return major + "." + minor;
        }
    }

    /** A version file the buildpack rejects, located where the problem is, with why. */
    public record Invalid(Location at, String message) {
    }

    public static PythonVersionFiles of(Project project) {
        return project.view(PythonVersionFiles.class, PythonVersionFiles::load);
    }

    /** The version the build will use, following the buildpack's precedence. */
    public Optional<Declared> requested() {
        if (runtimeTxt.isPresent()) {
            return runtimeTxt;
        }
        return pythonVersion.isPresent() ? pythonVersion : pipfileLock;
    }

    /** True when any file declares a version, valid or not. */
    public boolean anyDeclared(Project project) {
        return project.files().isFile(RUNTIME_TXT) || project.files().isFile(PYTHON_VERSION) || pipfileLock.isPresent()
                || unreadPipfileLock.isPresent();
    }

    /**
     * True when the version the build would request is unknown: no runtime.txt or .python-version,
     * and either a Pipfile.lock declares a version that the buildpack does not read only because
     * other package-manager files stop the build first (RQ003), or a Pipfile has no lock yet, so the
     * build stops first (RQ004) and the lock `pipenv lock` writes will carry the Pipfile's Python.
     */
    public boolean requestUndecided() {
        return runtimeTxt.isEmpty() && pythonVersion.isEmpty() && (unreadPipfileLock.isPresent() || pipfileUnlocked);
    }

    /**
     * runtime.txt and .python-version files below the root, shallowest first, which the buildpack
     * never reads; a runtime.txt counts only when it starts with {@code python-}, and nothing inside
     * a virtualenv or the buildpack's {@code .heroku} folder counts.
     */
    public List<String> inSubfolders(Project project) {
        List<String> found = new ArrayList<>();
        for (String path : project.files().filesNamed(PYTHON_VERSION)) {
            if (path.contains("/") && !inEnvironment(path)) {
                found.add(path);
            }
        }
        for (String path : project.files().filesNamed(RUNTIME_TXT)) {
            if (path.contains("/") && !inEnvironment(path) && project.text(path)
                    .map(f -> contentLines(f).stream().anyMatch(at -> f.line(at.line()).strip().startsWith("python-"))).orElse(false)) {
                found.add(path);
            }
        }
        found.sort((a, b) -> Long.compare(a.chars().filter(c -> c == '/').count(), b.chars().filter(c -> c == '/').count()));
        return List.copyOf(found);
    }

    private static boolean inEnvironment(String path) {
        return path.startsWith(".heroku/") || path.startsWith(".venv/") || path.startsWith("venv/") || path.contains("/site-packages/");
    }

    private static PythonVersionFiles load(Project project) {
        List<Invalid> invalid = new ArrayList<>();
        Optional<Declared> runtime = project.text(RUNTIME_TXT).flatMap(f -> runtimeTxt(f, invalid));
        Optional<Declared> pinned = project.text(PYTHON_VERSION).flatMap(f -> pythonVersion(f, invalid));
        PackageManagers managers = PackageManagers.of(project);
        boolean pipenv = managers.manager().filter("pipenv"::equals).isPresent();
        Optional<Declared> lock = pipenv ? pipfileLock(project, invalid) : Optional.empty();
        Optional<Declared> unread = !pipenv && managers.managerFiles().size() > 1 && managers.managerFiles().contains("Pipfile.lock")
                ? pipfileLock(project, new ArrayList<>()) : Optional.empty();
        boolean pipfileUnlocked = project.files().isFile("Pipfile") && !project.files().exists("Pipfile.lock");
        return new PythonVersionFiles(runtime, pinned, lock, unread, List.copyOf(invalid), pipfileUnlocked);
    }

    private static List<Location> contentLines(SourceFile file) {
        List<Location> lines = new ArrayList<>();
        for (int n = 1; n <= file.lineCount(); n++) {
            String line = file.line(n);
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                lines.add(file.at(n, line.indexOf(trimmed.charAt(0))));
            }
        }
        return lines;
    }

    private static Optional<Declared> runtimeTxt(SourceFile file, List<Invalid> invalid) {
        List<Location> lines = contentLines(file);
        if (lines.size() != 1) {
            invalid.add(new Invalid(lines.isEmpty() ? file.start() : lines.get(1),
                    lines.isEmpty() ? "runtime.txt holds no Python version; write one line such as `python-3.14`"
                            : "runtime.txt must hold exactly one line such as `python-3.14`, not " + lines.size()));
            return Optional.empty();
        }
        Location at = lines.get(0);
        String text = file.line(at.line()).strip();
        if (!text.startsWith("python-")) {
            invalid.add(new Invalid(at, "`" + text + "` is not a valid runtime.txt version; write `python-" + suggestion(text) + "`"));
            return Optional.empty();
        }
        Location versionAt = new Location(at.path(), at.line(), at.column() + "python-".length());
        Optional<Declared> declared = version(text.substring("python-".length()), versionAt);
        if (declared.isEmpty()) {
            invalid.add(new Invalid(at, "`" + text + "` is not a valid runtime.txt version; write `python-N.N` such as `python-3.14`"));
        }
        return declared;
    }

    private static Optional<Declared> pythonVersion(SourceFile file, List<Invalid> invalid) {
        if (file.hasByteOrderMark()) {
            invalid.add(new Invalid(file.start(), ".python-version starts with a byte-order mark, which the buildpack cannot read; save it as UTF-8 without BOM"));
            return Optional.empty();
        }
        List<Location> lines = contentLines(file);
        if (lines.isEmpty()) {
            invalid.add(new Invalid(file.start(), ".python-version holds no Python version; write the major version, such as `3.14`"));
            return Optional.empty();
        }
        if (lines.size() > 1) {
            invalid.add(new Invalid(lines.get(1), ".python-version lists " + lines.size() + " Python versions; keep exactly one, such as `3.14`"));
            return Optional.empty();
        }
        Location at = lines.get(0);
        String text = file.line(at.line()).strip();
        Optional<Declared> declared = version(text, at);
        if (declared.isEmpty()) {
            invalid.add(new Invalid(at, "`" + text + "` is not a valid .python-version; write only the version number, such as `"
                    + suggestion(text) + "`"));
        }
        return declared;
    }

    private static Optional<Declared> pipfileLock(Project project, List<Invalid> invalid) {
        Optional<Json> root = StructuredFiles.validJson(project, "Pipfile.lock");
        if (root.isEmpty() || !(root.get() instanceof Json.JObject object)) {
            return Optional.empty();
        }
        Optional<Json> requires = object.get("_meta").flatMap(meta -> meta instanceof Json.JObject m ? m.get("requires") : Optional.empty());
        if (requires.isEmpty() || !(requires.get() instanceof Json.JObject req)) {
            return Optional.empty();
        }
        Optional<Json> value = req.get("python_full_version").or(() -> req.get("python_version"));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().asString().orElse("");
        Location at = value.get().at();
        Optional<Declared> declared = version(text, new Location(at.path(), at.line(), at.column() + 1));
        if (declared.isEmpty()) {
            invalid.add(new Invalid(at, "`" + text + "` in Pipfile.lock is not a valid Python version; set `python_version = \"3.14\"` in Pipfile and run `pipenv lock`"));
        }
        return declared;
    }

    private static final Pattern VERSION_NUMBER = Pattern.compile("0|[1-9][0-9]{0,5}");

    /** Parses {@code N.N} or {@code N.N.N} with the buildpack's integer grammar (no leading zeros). */
    static Optional<Declared> version(String text, Location at) {
        String[] parts = text.split("\\.", -1);
        if (parts.length < 2 || parts.length > 3) {
            return Optional.empty();
        }
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!VERSION_NUMBER.matcher(parts[i]).matches()) {
                return Optional.empty();
            }
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return Optional.of(new Declared(text, numbers[0], numbers[1], parts.length == 3 ? numbers[2] : null, at));
    }

    /** A best guess at the N.N version inside a malformed line, for the fix in the message. */
    private static String suggestion(String text) {
        StringBuilder digits = new StringBuilder();
        int dots = 0;
        for (char c : text.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c == '.' && digits.length() > 0 && dots < 1) {
                digits.append(c);
                dots++;
            } else if (digits.length() > 0 && dots == 1 && Character.isDigit(digits.charAt(digits.length() - 1))) {
                break;
            }
        }
        String guess = digits.toString();
        return version(guess, Location.startOf("x")).isPresent() ? guess : "3.14";
    }
}
