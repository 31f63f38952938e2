package dev.deploylint.rules.staticfiles;

import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import dev.deploylint.source.Location;
import java.util.List;
import java.util.Optional;

/** Shared facts for the static-file rules: whether collectstatic runs with a local storage. */
final class StaticSettings {

    static final String STATICFILES_APP = "django.contrib.staticfiles";

    private StaticSettings() {
    }

    /**
     * True when Heroku's build will run collectstatic into STATIC_ROOT: a Django app with
     * django.contrib.staticfiles installed, collectstatic enabled and no remote storage.
     */
    static boolean collectsLocally(Project project) {
        DjangoProject django = DjangoProject.of(project);
        return django.settings().isPresent()
                && AppFacts.installedApp(project, STATICFILES_APP)
                && AppFacts.collectstaticRuns(project)
                && !remoteStorage(django);
    }

    /** True when static files go to a storage outside the dyno (django-storages, Cloudinary, ...). */
    static boolean remoteStorage(DjangoProject django) {
        Optional<String> backend = storageBackend(django);
        return backend.isPresent() && !backend.get().startsWith("django.") && !backend.get().startsWith("whitenoise.");
    }

    /** The staticfiles storage class named by STORAGES or STATICFILES_STORAGE, when a constant. */
    static Optional<String> storageBackend(DjangoProject django) {
        Optional<Value> storages = django.setting("STORAGES").map(ModuleEvaluator.Binding::value);
        if (storages.isPresent() && storages.get() instanceof Value.Dict dict && dict.get("staticfiles") instanceof Value.Dict staticfiles
                && staticfiles.get("BACKEND") instanceof Value.Str backend) {
            return Optional.of(backend.value());
        }
        return django.setting("STATICFILES_STORAGE").map(ModuleEvaluator.Binding::value)
                .filter(v -> v instanceof Value.Str).map(v -> ((Value.Str) v).value());
    }

    /** The strings of a list or tuple whose items are all constant strings, else empty. */
    static Optional<List<String>> strings(Value value) {
        if (!(value instanceof Value.Seq seq) || !seq.items().stream().allMatch(v -> v instanceof Value.Str)) {
            return Optional.empty();
        }
        return Optional.of(seq.items().stream().map(v -> ((Value.Str) v).value()).toList());
    }

    /** True when the settings or a WSGI module use WhiteNoise: its middleware, app, storage or an import. */
    static boolean usesWhitenoise(Project project) {
        DjangoProject django = DjangoProject.of(project);
        for (String setting : List.of("MIDDLEWARE", "MIDDLEWARE_CLASSES", "INSTALLED_APPS")) {
            Optional<Value> value = django.setting(setting).map(ModuleEvaluator.Binding::value);
            if (value.isPresent() && value.get() instanceof Value.Seq seq
                    && seq.items().stream().anyMatch(v -> v instanceof Value.Str s && s.value().startsWith("whitenoise."))) {
                return true;
            }
        }
        return storageBackend(django).map(b -> b.startsWith("whitenoise.")).orElse(false)
                || WsgiModules.of(project).stream().anyMatch(w -> w.imports().stream().anyMatch(i -> i.module().startsWith("whitenoise")));
    }

    /**
     * True unless the app installs Django older than 3.2: collectstatic runs the staticfiles
     * system checks (requires_system_checks = [Tags.staticfiles]) only from Django 3.2.
     */
    static boolean collectstaticRunsChecks(Project project) {
        return ResolvedVersion.of(project, "django").map(v -> v.isAtLeast("3.2")).orElse(true);
    }

    /** Where INSTALLED_APPS is set: the place that makes static-file settings necessary. */
    static Location installedAppsAt(DjangoProject django) {
        return django.setting("INSTALLED_APPS").map(ModuleEvaluator.Binding::at)
                .orElseGet(() -> Location.startOf(django.settingsPath().orElseThrow()));
    }

    /** The import through which INSTALLED_APPS took effect, if it came from another module. */
    static dev.deploylint.lint.Evidence[] installedAppsEvidence(DjangoProject django) {
        return django.setting("INSTALLED_APPS").map(AppFacts::tookEffect).orElse(new dev.deploylint.lint.Evidence[0]);
    }
}
