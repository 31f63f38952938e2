package dev.deploylint.rules.django;

import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.Expr;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.Dependency;
import dev.deploylint.project.DeployStyle;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.ImportPaths;
import dev.deploylint.source.Location;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectTemplate;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import dev.deploylint.rules.data.ImportNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dotted import paths the settings name (INSTALLED_APPS, MIDDLEWARE, ROOT_URLCONF,
 * WSGI_APPLICATION, storage and template backends) and whether each can be imported: shared by
 * DJ025 (a module of the app that does not exist, adjacent literals joined by a missing comma)
 * and DJ026 (a package no dependency installs).
 */
final class SettingsImportPaths {

    /** How Django imports a path: as a module, as {@code module.Class}, or as an app (a module or an AppConfig class). */
    enum Kind { MODULE, CLASS, APP }

    /** One path from one setting, with the binding that set it and the literal that holds it, when found. */
    record Entry(String setting, String path, Kind kind, ModuleEvaluator.Binding binding, Optional<Expr.Str> literal) {

        Location at() {
            return literal.map(Expr.Str::at).orElse(binding.at());
        }

        /** The module that must exist: the path itself, or for a class the module holding it. */
        List<String> modules() {
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : null;
            return switch (kind) {
                case MODULE -> List.of(path);
                case CLASS -> parent == null ? List.of() : List.of(parent);
                case APP -> parent == null ? List.of(path) : List.of(path, parent);
            };
        }

        String top() {
            return path.split("\\.")[0];
        }
    }

    /**
     * FOUND: a file of the app provides the module; INSTALLED: a dependency installs its package
     * (whether the package has that submodule is not known); the others say what is missing.
     */
    enum Verdict { FOUND, INSTALLED, MISSING_IN_APP, MISSING_IN_DJANGO, NOT_INSTALLED, UNKNOWN }

    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /**
     * Every app django.contrib has shipped (Django 1.0 to 6.0, removed ones included: comments,
     * databrowse, formtools, localflavor, markup, webdesign), from the django/contrib folders of
     * the releases; any other {@code django.contrib.X} cannot be imported by any Django.
     */
    private static final Set<String> CONTRIB = Set.of("admin", "admindocs", "auth", "comments", "contenttypes", "csrf", "databrowse",
            "flatpages", "formtools", "gis", "humanize", "localflavor", "markup", "messages", "postgres", "redirects", "sessions",
            "sitemaps", "sites", "staticfiles", "syndication", "webdesign");

    private SettingsImportPaths() {
    }

    /** The constant paths of the settings Heroku loads; values that depend on a branch or a config var are left out. */
    static List<Entry> entries(Project project) {
        DjangoProject django = DjangoProject.of(project);
        List<Entry> entries = new ArrayList<>();
        if (django.settings().isEmpty() || ProjectTemplate.of(project).isTemplate()) {
            return entries;
        }
        sequence(django, "INSTALLED_APPS", Kind.APP, entries);
        if (django.setting("MIDDLEWARE").filter(b -> !(b.value() instanceof Value.NoneValue)).isPresent()) {
            sequence(django, "MIDDLEWARE", Kind.CLASS, entries);
        } else if (ResolvedVersion.of(project, "django").map(v -> v.isBelow("2.0")).orElse(false)) {
            // Django 1.10 and 1.11 fall back to MIDDLEWARE_CLASSES while MIDDLEWARE is None; older ones know only it
            sequence(django, "MIDDLEWARE_CLASSES", Kind.CLASS, entries);
        }
        string(django, "ROOT_URLCONF", Kind.MODULE, entries);
        string(django, "WSGI_APPLICATION", Kind.CLASS, entries);
        django.setting("STORAGES").filter(b -> b.value() instanceof Value.Dict).ifPresent(binding -> {
            for (Value.Entry storage : ((Value.Dict) binding.value()).entries()) {
                if (storage.key() instanceof Value.Str alias && storage.value() instanceof Value.Dict options
                        && options.get("BACKEND") instanceof Value.Str backend) {
                    add(django, "STORAGES[\"" + alias.value() + "\"]", backend.value(), Kind.CLASS, binding, entries);
                }
            }
        });
        // Django 5.1 removed the two legacy settings: they are then ignored, not imported
        if (ResolvedVersion.of(project, "django").map(v -> v.isBelow("5.1")).orElse(false)) {
            string(django, "DEFAULT_FILE_STORAGE", Kind.CLASS, entries);
            string(django, "STATICFILES_STORAGE", Kind.CLASS, entries);
        }
        django.setting("TEMPLATES").filter(b -> b.value() instanceof Value.Seq).ifPresent(binding -> {
            for (Value engine : ((Value.Seq) binding.value()).items()) {
                if (engine instanceof Value.Dict options && options.get("BACKEND") instanceof Value.Str backend) {
                    add(django, "TEMPLATES", backend.value(), Kind.CLASS, binding, entries);
                }
            }
        });
        return entries;
    }

    /** The strings every path through the settings puts in a list setting (an undecided branch adds only what both sides add). */
    private static void sequence(DjangoProject django, String setting, Kind kind, List<Entry> entries) {
        django.setting(setting).ifPresent(binding -> {
            List<Value> options = binding.value() instanceof Value.OneOf one ? one.options() : List.of(binding.value());
            Set<String> common = null;
            for (Value option : options) {
                if (!(option instanceof Value.Seq seq)) {
                    return;
                }
                Set<String> strings = new LinkedHashSet<>();
                seq.items().stream().filter(v -> v instanceof Value.Str).forEach(v -> strings.add(((Value.Str) v).value()));
                if (common == null) {
                    common = strings;
                } else {
                    common.retainAll(strings);
                }
            }
            if (common != null) {
                common.forEach(path -> add(django, setting, path, kind, binding, entries));
            }
        });
    }

    private static void string(DjangoProject django, String setting, Kind kind, List<Entry> entries) {
        django.setting(setting).filter(b -> b.value() instanceof Value.Str)
                .ifPresent(binding -> add(django, setting, ((Value.Str) binding.value()).value(), kind, binding, entries));
    }

    private static void add(DjangoProject django, String setting, String path, Kind kind, ModuleEvaluator.Binding binding,
                            List<Entry> entries) {
        entries.add(new Entry(setting, path, kind, binding, django.literal(path, binding.at())));
    }

    /** Whether the path can be imported, as far as the app's files and declared dependencies tell. */
    static Verdict verdict(Project project, Entry entry) {
        if (!DOTTED.matcher(entry.path()).matches() || entry.modules().isEmpty()) {
            return Verdict.UNKNOWN;
        }
        String[] parts = entry.path().split("\\.");
        if (parts[0].equals("django")) {
            return parts.length > 2 && parts[1].equals("contrib") && !CONTRIB.contains(parts[2]) ? Verdict.MISSING_IN_DJANGO : Verdict.UNKNOWN;
        }
        ImportPaths paths = ImportPaths.of(project);
        if (entry.modules().stream().anyMatch(paths::exists)) {
            return Verdict.FOUND;
        }
        if (!paths.complete()) {
            return Verdict.UNKNOWN;
        }
        Optional<ImportNames.Providers> providers = ImportNames.get().providers(parts[0]);
        if (paths.isAppModule(parts[0])) {
            // a module of the app named like a known package may be a leftover beside the installed one;
            // Django before 1.4 also put the project folder's parent on sys.path (setup_environ), so
            // `project.app` could mean a folder this app's listing names differently
            boolean oldDjango = ResolvedVersion.of(project, "django").map(v -> v.isBelow("1.4")).orElse(false);
            return providers.isPresent() || oldDjango ? Verdict.UNKNOWN : Verdict.MISSING_IN_APP;
        }
        // bin/pre_compile and bin/post_compile hooks may install packages of their own
        if (paths.appearsAnywhere(parts[0]) || providers.isEmpty() || !AppFacts.dependenciesFullyKnown(project)
                || project.files().exists("bin/pre_compile") || project.files().exists("bin/post_compile")) {
            return Verdict.UNKNOWN;
        }
        boolean installed = Dependencies.of(project).all().stream().map(Dependency::name).anyMatch(providers.get()::installedBy);
        return installed ? Verdict.INSTALLED : Verdict.NOT_INSTALLED;
    }

    /**
     * The adjacent literals of the entry joined where no dot separates them ({@code "food"
     * "PushEatApp"}), when each of them alone names something the app has or installs: the
     * mark of a missing comma. Empty when the literal is a single one or split on purpose
     * ({@code "django.contrib." "admin"}).
     */
    static Optional<List<String>> missingComma(Project project, Entry entry) {
        Optional<Expr.Str> literal = entry.literal().filter(Expr.Str::concatenated);
        if (literal.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = literal.get().parts();
        boolean glued = false;
        for (int i = 1; i < parts.size(); i++) {
            String before = parts.get(i - 1);
            String after = parts.get(i);
            glued |= !before.isEmpty() && !after.isEmpty() && !before.endsWith(".") && !after.startsWith(".");
        }
        if (!glued || !parts.stream().allMatch(part -> known(project, part))) {
            return Optional.empty();
        }
        return Optional.of(parts);
    }

    /** True when {@code path} alone names Django, a module of the app or a package the table or the dependencies know. */
    private static boolean known(Project project, String path) {
        if (!DOTTED.matcher(path).matches()) {
            return false;
        }
        String top = path.split("\\.")[0];
        ImportPaths paths = ImportPaths.of(project);
        return top.equals("django") || paths.appearsAnywhere(top) || ImportNames.get().providers(top).isPresent()
                || Dependencies.of(project).declares(top);
    }

    /** Where each kind of path is imported decides how certain the failure is. */
    static Severity severity(Project project, SettingsImportPaths.Entry entry) {
        if (entry.setting().equals("WSGI_APPLICATION")) {
            return webRunsRunserver(project) ? Severity.ERROR : Severity.NOTE;
        }
        if (entry.setting().startsWith("STORAGES") && !entry.setting().equals("STORAGES[\"staticfiles\"]")
                || entry.setting().equals("DEFAULT_FILE_STORAGE")) {
            return Severity.WARNING;
        }
        return Severity.ERROR;
    }

    static String consequence(Project project, SettingsImportPaths.Entry entry) {
        String setting = entry.setting();
        if (setting.equals("INSTALLED_APPS")) {
            return "`django.setup()` fails with ImportError in " + (buildRunsCollectstatic(project) ? "the build's `collectstatic` and " : "")
                    + "every process";
        }
        if (setting.startsWith("MIDDLEWARE")) {
            return "the web process fails with ImportError while loading its middleware and never serves a request";
        }
        if (setting.equals("ROOT_URLCONF")) {
            return "every request fails with ModuleNotFoundError";
        }
        if (setting.equals("WSGI_APPLICATION")) {
            return webRunsRunserver(project) ? "`runserver` in the Procfile fails with ImproperlyConfigured at start"
                    : "`runserver` fails with ImproperlyConfigured (gunicorn imports its WSGI module itself and does not read the setting)";
        }
        if (setting.equals("STATICFILES_STORAGE") || setting.equals("STORAGES[\"staticfiles\"]")) {
            return (buildRunsCollectstatic(project) ? "the build's `collectstatic` fails with ImportError, and " : "")
                    + "every `{% static %}` tag fails";
        }
        if (setting.equals("TEMPLATES")) {
            return "every template render fails with ImproperlyConfigured";
        }
        return "the first file upload or read through the storage fails with ImportError";
    }

    private static boolean webRunsRunserver(Project project) {
        return Procfile.of(project).flatMap(p -> p.process("web")).stream().flatMap(web -> web.parsed().invocations().stream())
                .anyMatch(invocation -> invocation.managementCommand().filter(word -> word.text().equals("runserver")).isPresent());
    }

    /** True when the buildpack's build runs collectstatic: never for a container app, which Heroku builds from its Dockerfile. */
    static boolean buildRunsCollectstatic(Project project) {
        return AppFacts.collectstaticRuns(project) && !DeployStyle.of(project).isContainer();
    }
}
