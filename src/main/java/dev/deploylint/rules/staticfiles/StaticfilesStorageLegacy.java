package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.rules.PythonEdits;
import dev.deploylint.source.SourceFile;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.List;
import java.util.Optional;

/**
 * ST007: STATICFILES_STORAGE and DEFAULT_FILE_STORAGE. Django 4.2 deprecated them for STORAGES
 * and refuses both at once ("... are mutually exclusive", django/django#17170); 5.1 removed them,
 * so they are ignored like any unknown setting. Before 4.2 they are the right settings, so the rule is
 * silent; a {@code whitenoise.django} backend is left to ST005, which reports the same line.
 */
public final class StaticfilesStorageLegacy implements Rule {

    private static final String FILE_SYSTEM = "django.core.files.storage.FileSystemStorage";
    private static final String STATIC_FILES = "django.contrib.staticfiles.storage.StaticFilesStorage";

    /**
     * Replaces {@code NAME = "<backend>"} by a STORAGES holding that backend and Django's default
     * for the other key (STORAGES replaces both), when the assignment is a plain string on its own
     * line with no comment, STORAGES and the other legacy setting are set nowhere, and Django is
     * pinned exactly (the caller checks), so STORAGES is certainly read. Null otherwise.
     */
    private static Fix move(Project project, ModuleEvaluator.Binding binding, String name, String key) {
        if (!(binding.value() instanceof Value.Str backend) || !binding.at().path().endsWith(".py")) {
            return null;
        }
        return PythonEdits.statement(project, binding).map(statement -> {
            SourceFile file = statement.file();
            int end = statement.endOfSimpleStringAssignment();
            int line = file.locationOf(statement.start()).line();
            String written = file.line(line).strip();
            if (end < 0 || !written.startsWith(name) || written.contains("#")
                    || !written.substring(name.length()).stripLeading().startsWith("=")) {
                return null;
            }
            String inner = statement.indent() + "    ";
            String lineBreak = file.lineBreak();
            String staticfiles = key.equals("staticfiles") ? backend.value() : STATIC_FILES;
            String fileStorage = key.equals("default") ? backend.value() : FILE_SYSTEM;
            String storages = statement.indent() + "STORAGES = {" + lineBreak
                    + inner + PythonEdits.literal(file, "default") + ": {" + PythonEdits.literal(file, "BACKEND") + ": "
                    + PythonEdits.literal(file, fileStorage) + "}," + lineBreak
                    + inner + PythonEdits.literal(file, "staticfiles") + ": {" + PythonEdits.literal(file, "BACKEND") + ": "
                    + PythonEdits.literal(file, staticfiles) + "}," + lineBreak
                    + statement.indent() + "}" + lineBreak;
            return Fix.builder("moved " + name + " into STORAGES[\"" + key + "\"] in " + file.path())
                    .replace(file, statement.lineStart(), end, storages).build();
        }).orElse(null);
    }

    @Override
    public String id() {
        return "ST007";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ResolvedVersion> version = ResolvedVersion.of(project, "django");
        if (version.isEmpty() || version.get().isBelow("4.2")) {
            return;
        }
        boolean storages = django.definiteSetting("STORAGES").isPresent();
        String installed = version.get().describe();
        for (String name : List.of("STATICFILES_STORAGE", "DEFAULT_FILE_STORAGE")) {
            Optional<ModuleEvaluator.Binding> legacy = django.definiteSetting(name);
            if (legacy.isEmpty() || legacy.get().value() instanceof Value.Str backend && backend.value().startsWith("whitenoise.django.")) {
                continue;
            }
            String key = name.equals("STATICFILES_STORAGE") ? "staticfiles" : "default";
            String fix = "move the backend into `STORAGES[\"" + key + "\"]` and delete " + name;
            ModuleEvaluator.Binding binding = legacy.get();
            String other = name.equals("STATICFILES_STORAGE") ? "DEFAULT_FILE_STORAGE" : "STATICFILES_STORAGE";
            Fix move = version.get().exact() && django.setting("STORAGES").isEmpty() && django.setting(other).isEmpty()
                    ? move(project, binding, name, key) : null;
            if (version.get().isAtLeast("5.1")) {
                findings.report(Severity.WARNING, binding.at(), name + " was removed in Django 5.1, so " + installed + " silently ignores it"
                        + (key.equals("staticfiles") ? " and collects static files without this storage" : " and stores uploads with the default storage")
                        + "; " + fix, move, AppFacts.evidence(binding, version.get()));
            } else if (storages) {
                findings.report(Severity.ERROR, binding.at(), name + " and STORAGES are both set, so " + installed
                        + " refuses to load the settings (ImproperlyConfigured: \"" + name + "/STORAGES are mutually exclusive.\")"
                        + " and the build fails; " + fix, AppFacts.evidence(binding, version.get()));
            } else {
                findings.report(Severity.WARNING, binding.at(), name + " is deprecated in " + installed + " and ignored from Django 5.1; "
                        + fix, move, AppFacts.evidence(binding, version.get()));
            }
        }
    }
}
