package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
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
            if (version.get().isAtLeast("5.1")) {
                findings.report(Severity.WARNING, binding.at(), name + " was removed in Django 5.1, so " + installed + " silently ignores it"
                        + (key.equals("staticfiles") ? " and collects static files without this storage" : " and stores uploads with the default storage")
                        + "; " + fix, AppFacts.evidence(binding, version.get()));
            } else if (storages) {
                findings.report(Severity.ERROR, binding.at(), name + " and STORAGES are both set, so " + installed
                        + " refuses to load the settings (ImproperlyConfigured: \"" + name + "/STORAGES are mutually exclusive.\")"
                        + " and the build fails; " + fix, AppFacts.evidence(binding, version.get()));
            } else {
                findings.report(Severity.WARNING, binding.at(), name + " is deprecated in " + installed + " and ignored from Django 5.1; "
                        + fix, AppFacts.evidence(binding, version.get()));
            }
        }
    }
}
