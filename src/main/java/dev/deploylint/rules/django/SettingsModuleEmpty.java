package dev.deploylint.rules.django;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.FileTree;
import dev.deploylint.source.Location;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectTemplate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DJ027: a Django app whose processes get no settings: nothing in the app names a settings
 * module, or the module named is empty (a package's bare {@code __init__.py}).
 */
public final class SettingsModuleEmpty implements Rule {

    /** Files that may name DJANGO_SETTINGS_MODULE or configure settings in code, where deploylint may not read the value. */
    private static final Set<String> CONFIG_SUFFIXES = Set.of(".py", ".json", ".yml", ".yaml", ".toml", ".cfg", ".ini", ".sh", ".txt");

    /**
     * Text that names or configures settings another way: the variable itself, settings in code,
     * Django before 1.4's {@code execute_manager(settings)} in manage.py, the {@code --settings}
     * option and gunicorn_django's settings argument (gunicorn before 19).
     */
    private static final List<String> NAMES_SETTINGS = List.of("DJANGO_SETTINGS_MODULE", "settings.configure(", "execute_manager(",
            "--settings", "gunicorn_django");

    @Override
    public String id() {
        return "DJ027";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        if (!django.isDjango() || ProjectTemplate.of(project).isTemplate()) {
            return;
        }
        Optional<DjangoProject.ModuleReference> named = django.settingsModule();
        if (named.isPresent()) {
            if (django.settingsEmpty()) {
                reportEmpty(project, django, named.get(), findings);
            }
            return;
        }
        Optional<String> managePy = django.managePy();
        if (managePy.isEmpty() || mentionsSettingsModule(project)) {
            return;
        }
        findings.report(Severity.WARNING, Location.startOf(managePy.get()), "nothing in the app names a settings module (no"
                + " `os.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", ...)` in manage.py or wsgi.py, no Procfile, app.json or heroku.yml"
                + " setting), so every Django process" + (SettingsImportPaths.buildRunsCollectstatic(project) ? ", the build's `collectstatic` included," : "")
                + " fails with ImproperlyConfigured unless config var `DJANGO_SETTINGS_MODULE` is set; add"
                + " `os.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"" + suggestedModule(project, django) + "\")` to manage.py and wsgi.py");
    }

    private static void reportEmpty(Project project, DjangoProject django, DjangoProject.ModuleReference named, Findings findings) {
        String path = django.settingsPath().orElseThrow();
        List<String> siblings = path.endsWith("/__init__.py") ? modulesBeside(project.files(), path) : List.of();
        String parent = named.name();
        String consequence = "Django runs on its defaults alone (no INSTALLED_APPS, no ROOT_URLCONF, an empty SECRET_KEY): "
                + (SettingsImportPaths.buildRunsCollectstatic(project) ? "the build's `collectstatic` fails, and " : "")
                + "every process stops with ImproperlyConfigured or every request fails";
        String fix = siblings.isEmpty() ? "put the settings in `" + path + "` or name the module that holds them"
                : "name the module that holds the settings (" + String.join(", ", siblings.stream().map(s -> "`" + parent + "." + s + "`").toList())
                        + "), or import one of them in `" + path + "`";
        boolean onlyADefault = named.source().startsWith("default in");
        if (onlyADefault && !siblings.isEmpty()) {
            findings.report(Severity.WARNING, named.at(), "DJANGO_SETTINGS_MODULE defaults to `" + named.name() + "`, whose `" + path
                    + "` is empty, so unless config var `DJANGO_SETTINGS_MODULE` names another module " + consequence + "; " + fix);
        } else {
            findings.report(named.at(), "DJANGO_SETTINGS_MODULE is `" + named.name() + "` (" + named.source() + "), but `" + path
                    + "` is empty, so " + consequence + "; " + fix);
        }
    }

    /** The modules beside a package's __init__.py (without .py), in path order. */
    private static List<String> modulesBeside(FileTree files, String initPath) {
        String folder = initPath.substring(0, initPath.length() - "__init__.py".length());
        return files.entries().keySet().stream()
                .filter(p -> p.startsWith(folder) && p.endsWith(".py") && p.indexOf('/', folder.length()) < 0 && !p.endsWith("/__init__.py"))
                .map(p -> p.substring(folder.length(), p.length() - 3)).toList();
    }

    /**
     * True when some file of the app names settings in a way deploylint does not read (see
     * {@link #NAMES_SETTINGS}), so "nothing names one" would not be certain.
     */
    private static boolean mentionsSettingsModule(Project project) {
        for (var entry : project.files().entries().entrySet()) {
            String path = entry.getKey();
            String name = path.substring(path.lastIndexOf('/') + 1);
            boolean candidate = entry.getValue() != FileTree.Kind.DIRECTORY && (name.equals("Procfile") || name.startsWith("Dockerfile")
                    || name.startsWith(".env") || CONFIG_SUFFIXES.stream().anyMatch(name::endsWith));
            if (candidate && project.text(path).map(file -> NAMES_SETTINGS.stream().anyMatch(file.text()::contains)).orElse(false)) {
                return true;
            }
        }
        return project.environment().containsKey("DJANGO_SETTINGS_MODULE");
    }

    /** A settings module to suggest: the shallowest settings.py, dotted from manage.py's folder. */
    private static String suggestedModule(Project project, DjangoProject django) {
        String base = django.moduleRoots().get(0);
        return project.files().filesNamed("settings.py").stream().filter(p -> base.isEmpty() || p.startsWith(base + "/")).findFirst()
                .map(p -> (base.isEmpty() ? p : p.substring(base.length() + 1)).replaceAll("\\.py$", "").replace('/', '.'))
                .orElse("mysite.settings");
    }
}
