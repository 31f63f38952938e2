package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ST021: the build's collectstatic is switched off, yet WhiteNoise serves STATIC_ROOT, which then
 * stays empty on the dyno: nothing else fills it (a web command or a bin/post_compile hook running
 * collectstatic, a committed STATIC_ROOT). A release-phase collectstatic does not count: it runs
 * on a one-off dyno whose files web dynos never see.
 */
public final class CollectstaticDisabledWithWhitenoise implements Rule {

    private static final String WHITENOISE_MIDDLEWARE = "whitenoise.middleware.WhiteNoiseMiddleware";

    @Override
    public String id() {
        return "ST021";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<Location> disabled = AppFacts.collectstaticDisabledAt(project);
        if (disabled.isEmpty() || django.managePy().isEmpty() || StaticSettings.remoteStorage(django)) {
            return;
        }
        Optional<ModuleEvaluator.Binding> middleware = django.definiteSetting("MIDDLEWARE")
                .filter(b -> AppFacts.containsString(b.value(), WHITENOISE_MIDDLEWARE));
        Optional<ModuleEvaluator.Binding> root = django.definiteSetting("STATIC_ROOT")
                .filter(b -> b.value() instanceof Value.PathValue);
        if (middleware.isEmpty() || root.isEmpty() || filledOtherwise(project, ((Value.PathValue) root.get().value()).path())) {
            return;
        }
        String backend = StaticSettings.storageBackend(django).orElse("");
        boolean manifest = backend.endsWith("ManifestStaticFilesStorage");
        boolean debugOff = django.definiteSetting("DEBUG").map(b -> Boolean.FALSE.equals(Value.truth(b.value())))
                .orElse(false);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence(root.get().at(), "WhiteNoise serves STATIC_ROOT, set here"));
        evidence.add(new Evidence(middleware.get().at(), "WhiteNoiseMiddleware is installed here"));
        String start = "collectstatic is switched off, so STATIC_ROOT stays empty on the dyno and WhiteNoise has nothing to serve: ";
        String fix = "; let the build run collectstatic (remove the switch), or run it in `bin/post_compile`";
        boolean servesFromFinders = django.setting("WHITENOISE_USE_FINDERS")
                .map(b -> !Boolean.FALSE.equals(Value.truth(b.value()))).orElse(false);
        if (manifest && debugOff) {
            findings.report(Severity.ERROR, disabled.get(), start + "with " + backend.substring(backend.lastIndexOf('.') + 1)
                    + " and DEBUG off every"
                    + " `{% static %}` raises ValueError (Missing staticfiles manifest entry), so every page using it fails"
                    + " with a server error" + fix, evidence.toArray(Evidence[]::new));
        } else if (!servesFromFinders) {
            // With WHITENOISE_USE_FINDERS, WhiteNoise serves the apps' static folders directly (ST013 warns about that).
            findings.report(disabled.get(), start + "every static file returns 404" + fix, evidence.toArray(Evidence[]::new));
        }
    }

    /** True when something other than the build's step puts files into STATIC_ROOT where web dynos see them. */
    private static boolean filledOtherwise(Project project, String staticRoot) {
        if (AppFacts.isNonEmptyDirectory(project, staticRoot)) {
            return true;
        }
        for (String hook : List.of("bin/post_compile", "bin/pre_compile")) {
            if (project.text(hook).map(file -> file.text().contains("collectstatic")).orElse(project.files().exists(hook))) {
                return true;
            }
        }
        return Procfile.of(project).flatMap(procfile -> procfile.process("web"))
                .map(web -> web.parsed().invocations().stream().anyMatch(invocation -> invocation.managementCommand()
                        .filter(word -> word.text().equals("collectstatic")).isPresent()))
                .orElse(false);
    }
}
