package dev.deploylint.rules.staticfiles;

import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Location;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
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
