package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.List;
import java.util.Optional;

/**
 * ST012: Django 2.0 removed old-style middleware, so MIDDLEWARE_CLASSES is ignored: WhiteNoise
 * listed only there never runs, nor does any other middleware of that list.
 */
public final class WhitenoiseInMiddlewareClasses implements Rule {

    @Override
    public String id() {
        return "ST012";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ResolvedVersion> version = ResolvedVersion.of(project, "django");
        Optional<ModuleEvaluator.Binding> classes = django.definiteSetting("MIDDLEWARE_CLASSES");
        Optional<List<String>> names = classes.flatMap(binding -> StaticSettings.strings(binding.value()));
        if (version.isEmpty() || version.get().isBelow("2.0") || names.isEmpty()
                || names.get().stream().noneMatch(name -> name.startsWith("whitenoise."))) {
            return;
        }
        boolean inMiddleware = django.setting("MIDDLEWARE").map(binding -> binding.conditional()
                || StaticSettings.strings(binding.value()).map(list -> list.stream().anyMatch(n -> n.startsWith("whitenoise."))).orElse(true))
                .orElse(!django.definitelyUnset("MIDDLEWARE"));
        if (inMiddleware) {
            return;
        }
        findings.report(classes.get().at(), "WhiteNoise is listed in MIDDLEWARE_CLASSES, which " + version.get().describe()
                + " ignores (old-style middleware was removed in Django 2.0), so neither WhiteNoise nor the rest of that list runs"
                + " and every static file 404s; rename the setting to MIDDLEWARE", AppFacts.evidence(classes.get(), version.get()));
    }
}
