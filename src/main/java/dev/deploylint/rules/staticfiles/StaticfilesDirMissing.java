package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ST003: a STATICFILES_DIRS entry that is not a folder of the app. Django 4.0 turned the crash
 * into the staticfiles.W004 warning (django/django#14056), so older Django makes it an error.
 * A folder the build creates (a package.json build script's output, a Dockerfile COPY --from) is a note.
 */
public final class StaticfilesDirMissing implements Rule {

    @Override
    public String id() {
        return "ST003";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ModuleEvaluator.Binding> dirs = django.setting("STATICFILES_DIRS");
        if (dirs.isEmpty() || dirs.get().conditional() || !(dirs.get().value() instanceof Value.Seq seq)) {
            return;
        }
        Optional<ResolvedVersion> djangoVersion = ResolvedVersion.of(project, "django");
        boolean crashes = djangoVersion.map(v -> v.isBelow("4.0")).orElse(false) && StaticSettings.collectsLocally(project);
        for (Value entry : seq.items()) {
            Value path = entry instanceof Value.Seq pair && pair.items().size() == 2 ? pair.items().get(1) : entry;
            if (!(path instanceof Value.PathValue folder) || AppFacts.isNonEmptyDirectory(project, folder.path())) {
                continue;
            }
            String shown = folder.path().isEmpty() ? "." : folder.path();
            Optional<String> creator = BuildCreatedFolders.creator(project, folder.path());
            if (creator.isPresent()) {
                findings.report(Severity.NOTE, dirs.get().at(), "STATICFILES_DIRS lists `" + shown + "`, which is not in the"
                        + " repository; " + creator.get() + " creates it during the build, so make sure that step runs before"
                        + " collectstatic" + (creator.get().startsWith("package.json") ? " (the Node.js buildpack before Python)" : ""),
                        AppFacts.tookEffect(dirs.get()));
                continue;
            }
            String consequence = crashes
                    ? "so `collectstatic` crashes during the Heroku build"
                    : "so Django warns (staticfiles.W004) and serves nothing from it";
            String message = "STATICFILES_DIRS lists `" + shown + "`, which is not a folder with files in the app (git does not keep empty folders), "
                    + consequence + "; commit the folder with its files, or remove the entry";
            if (crashes) {
                List<Evidence> evidence = new ArrayList<>(List.of(AppFacts.tookEffect(dirs.get())));
                evidence.add(djangoVersion.get().evidence());
                findings.report(Severity.ERROR, dirs.get().at(), message, evidence.toArray(Evidence[]::new));
            } else {
                findings.report(dirs.get().at(), message, AppFacts.tookEffect(dirs.get()));
            }
        }
    }
}
