package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.json.Json;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.FileTree;
import dev.deploylint.project.Project;
import dev.deploylint.project.RelativePaths;
import dev.deploylint.project.StructuredFiles;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ST019: with a manifest storage, collectstatic rewrites every {@code url()} and {@code @import} in
 * the CSS it collects to the hashed file name, and raises ValueError ("The file '...' could not be
 * found") for a reference to a file it did not collect, which fails the build. deploylint rebuilds
 * the set of collected files from the app's static folders and STATICFILES_DIRS. It stays silent
 * whenever that set may be incomplete: folders it cannot read from the settings, references into a
 * third-party app's namespace, absolute URLs, or a build step that may write static files.
 */
public final class ManifestReferenceMissing implements Rule {

    private static final int MAX_FINDINGS = 50;
    private static final List<String> DEFAULT_FINDERS = List.of("django.contrib.staticfiles.finders.FileSystemFinder",
            "django.contrib.staticfiles.finders.AppDirectoriesFinder");

    /** One folder collectstatic copies from, and the prefix its files get in STATIC_ROOT. */
    private record StaticFolder(String prefix, String folder) {
    }

    /** A reference in a CSS file: the URL as written and where it starts. */
    record Reference(String url, int offset) {
    }

    @Override
    public String id() {
        return "ST019";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<String> backend = StaticSettings.storageBackend(django);
        if (backend.isEmpty() || !isHashing(backend.get()) || !StaticSettings.collectsLocally(project)
                || buildMayWriteStaticFiles(project) || !defaultFinders(django)) {
            return;
        }
        Optional<List<String>> apps = django.definiteSetting("INSTALLED_APPS")
                .flatMap(binding -> StaticSettings.strings(binding.value()));
        Optional<List<StaticFolder>> folders = apps.flatMap(installed -> folders(django, installed));
        if (folders.isEmpty()) {
            return;
        }
        Set<String> foreignNamespaces = foreignNamespaces(django, apps.get());
        Map<String, String> collected = collected(project, folders.get());
        Evidence[] evidence = storageEvidence(django);
        int reported = 0;
        for (Map.Entry<String, String> entry : collected.entrySet()) {
            if (!entry.getKey().endsWith(".css")) {
                continue;
            }
            Optional<SourceFile> css = project.text(entry.getValue());
            if (css.isEmpty()) {
                continue;
            }
            for (Reference reference : references(css.get().text())) {
                Optional<String> target = target(entry.getKey(), reference.url());
                if (target.isEmpty() || collected.containsKey(target.get())
                        || foreignNamespaces.contains(target.get().split("/", 2)[0])) {
                    continue;
                }
                if (reported++ == MAX_FINDINGS) {
                    return;
                }
                findings.report(css.get().locationOf(reference.offset()), "`" + reference.url() + "` in "
                        + entry.getValue() + " names static file `" + target.get() + "`, which no static folder of the app"
                        + " holds, so collectstatic with " + simpleName(backend.get()) + " fails the build (ValueError: The file '"
                        + target.get() + "' could not be found); commit the file or fix the reference", evidence);
            }
        }
    }

    /** The storages that post-process CSS into hashed names: Django's manifest and cached storages, WhiteNoise's. */
    private static boolean isHashing(String backend) {
        return backend.endsWith("ManifestStaticFilesStorage") || backend.endsWith("CachedStaticFilesStorage");
    }

    private static String simpleName(String backend) {
        return "`" + backend.substring(backend.lastIndexOf('.') + 1) + "`";
    }

    /** True unless STATICFILES_FINDERS adds finders (django-compressor, npm, ...) that may collect files from elsewhere. */
    private static boolean defaultFinders(DjangoProject django) {
        if (django.definitelyUnset("STATICFILES_FINDERS")) {
            return true;
        }
        return django.definiteSetting("STATICFILES_FINDERS").flatMap(b -> StaticSettings.strings(b.value()))
                .map(DEFAULT_FINDERS::containsAll).orElse(false);
    }

    /** Build hooks and Node.js build scripts may create the missing files before collectstatic runs. */
    private static boolean buildMayWriteStaticFiles(Project project) {
        if (project.files().exists("bin/pre_compile") || project.files().exists("bin/post_compile")) {
            return true;
        }
        if (!project.files().exists("package.json")) {
            return false;
        }
        Optional<Json> scripts = StructuredFiles.validJson(project, "package.json").flatMap(json -> json instanceof Json.JObject o
                ? o.get("scripts") : Optional.empty());
        return scripts.isEmpty() || !(scripts.get() instanceof Json.JObject object)
                || object.get("build").isPresent() || object.get("heroku-postbuild").isPresent();
    }

    /** The app's static folders (apps' static/ and STATICFILES_DIRS), or empty when the settings leave them uncertain. */
    private static Optional<List<StaticFolder>> folders(DjangoProject django, List<String> installedApps) {
        List<StaticFolder> folders = new ArrayList<>();
        Optional<ModuleEvaluator.Binding> dirs = django.setting("STATICFILES_DIRS");
        if (dirs.isPresent()) {
            if (dirs.get().conditional() || !(dirs.get().value() instanceof Value.Seq seq)) {
                return Optional.empty();
            }
            for (Value entry : seq.items()) {
                if (entry instanceof Value.PathValue path) {
                    folders.add(new StaticFolder("", path.path()));
                } else if (entry instanceof Value.Seq pair && pair.items().size() == 2 && pair.items().get(0) instanceof Value.Str prefix
                        && pair.items().get(1) instanceof Value.PathValue path) {
                    folders.add(new StaticFolder(prefix.value(), path.path()));
                } else {
                    return Optional.empty();
                }
            }
        }
        for (String app : installedApps) {
            appPackage(django, app).ifPresent(folder -> folders.add(new StaticFolder("", folder.isEmpty() ? "static" : folder + "/static")));
        }
        return Optional.of(folders);
    }

    /** The folder of the app's package for an INSTALLED_APPS entry ("polls" or "polls.apps.PollsConfig"). */
    private static Optional<String> appPackage(DjangoProject django, String app) {
        String name = app;
        while (!name.isEmpty()) {
            Optional<String> file = django.resolveModule(name);
            if (file.isPresent() && file.get().endsWith("__init__.py")) {
                String path = file.get();
                return Optional.of(path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "");
            }
            name = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
        }
        return Optional.empty();
    }

    /** Top-level static folders third-party apps bring by convention: their own name (admin/, rest_framework/). */
    private static Set<String> foreignNamespaces(DjangoProject django, List<String> installedApps) {
        Set<String> names = new HashSet<>();
        for (String app : installedApps) {
            if (appPackage(django, app).isEmpty()) {
                String[] parts = app.split("\\.");
                for (String part : parts) {
                    names.add(part);
                }
            }
        }
        return names;
    }

    /** Every file collectstatic would collect from the app, by its path in STATIC_ROOT; the first folder wins, as in Django. */
    private static Map<String, String> collected(Project project, List<StaticFolder> folders) {
        Map<String, String> collected = new LinkedHashMap<>();
        for (StaticFolder folder : folders) {
            String prefix = folder.folder().isEmpty() ? "" : folder.folder() + "/";
            for (Map.Entry<String, FileTree.Kind> entry : project.files().entries().entrySet()) {
                if (entry.getValue() == FileTree.Kind.FILE && entry.getKey().startsWith(prefix)) {
                    String relative = entry.getKey().substring(prefix.length());
                    collected.putIfAbsent(folder.prefix().isEmpty() ? relative : folder.prefix() + "/" + relative, entry.getKey());
                }
            }
        }
        return collected;
    }

    /**
     * The {@code url(...)} and {@code @import "..."} references Django's HashedFilesMixin rewrites in
     * CSS (its patterns are case-insensitive), outside comments.
     */
    static List<Reference> references(String css) {
        List<Reference> references = new ArrayList<>();
        String lower = css.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < css.length()) {
            if (css.startsWith("/*", i)) {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? css.length() : end + 2;
            } else if (lower.startsWith("url(", i)) {
                i = quoted(css, skipSpaces(css, i + 4), true, references);
            } else if (lower.startsWith("@import", i)) {
                int j = skipSpaces(css, i + 7);
                i = j < css.length() && (css.charAt(j) == '"' || css.charAt(j) == '\'') ? quoted(css, j, false, references) : j;
            } else {
                i++;
            }
        }
        return references;
    }

    /** Reads a reference starting at {@code start} (a quote, or for url() possibly none) and returns where to go on. */
    private static int quoted(String css, int start, boolean inUrl, List<Reference> references) {
        char quote = start < css.length() && (css.charAt(start) == '"' || css.charAt(start) == '\'') ? css.charAt(start) : 0;
        int from = skipSpaces(css, quote == 0 ? start : start + 1);
        String terminator = quote == 0 ? ")" : inUrl ? quote + ")" : String.valueOf(quote);
        int end = css.indexOf(terminator, from);
        int newline = css.indexOf('\n', from);
        if (end < 0 || (newline >= 0 && newline < end)) {
            return from;
        }
        String url = css.substring(from, end).strip();
        if (url.indexOf('"') < 0 && url.indexOf('\'') < 0) {
            references.add(new Reference(url, from));
        }
        return end + terminator.length();
    }

    private static int skipSpaces(String css, int i) {
        while (i < css.length() && Character.isWhitespace(css.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The STATIC_ROOT path a reference in {@code cssPath} names, as HashedFilesMixin resolves it;
     * empty for what it leaves alone (fragments, data: and other schemes, //host, absolute paths,
     * which deploylint does not judge) and for what it cannot resolve.
     */
    static Optional<String> target(String cssPath, String url) {
        String path = url;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        if (path.isEmpty() || url.startsWith("#") || url.startsWith("/") || url.startsWith("data:") || hasScheme(url)
                || path.contains("{") || path.contains("$") || path.contains("\\")) {
            return Optional.empty();
        }
        String folder = cssPath.contains("/") ? cssPath.substring(0, cssPath.lastIndexOf('/')) : "";
        return RelativePaths.resolve(folder, path).filter(resolved -> !resolved.isEmpty());
    }

    private static int indexOfAny(String text, char a, char b) {
        int first = text.indexOf(a);
        int second = text.indexOf(b);
        return first < 0 ? second : second < 0 ? first : Math.min(first, second);
    }

    private static boolean hasScheme(String url) {
        int colon = url.indexOf(':');
        return colon > 0 && url.substring(0, colon).chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');
    }

    private static Evidence[] storageEvidence(DjangoProject django) {
        Optional<ModuleEvaluator.Binding> storages = django.setting("STORAGES");
        Optional<ModuleEvaluator.Binding> binding = storages.isPresent() ? storages : django.setting("STATICFILES_STORAGE");
        return binding.map(b -> {
            List<Evidence> all = new ArrayList<>(List.of(new Evidence(b.at(), "the manifest storage is chosen here")));
            all.addAll(List.of(AppFacts.tookEffect(b)));
            return all.toArray(Evidence[]::new);
        }).orElse(new Evidence[0]);
    }
}
