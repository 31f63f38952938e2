package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.ResolvedVersion;
import dev.deploylint.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ST005: the {@code whitenoise.django} API (DjangoWhiteNoise, GzipManifestStaticFilesStorage).
 * whitenoise 3.0 superseded it, 4.0 made it raise ImportError and 6.0 deleted the module
 * (evansd/whitenoise docs/changelog.rst). An unpinned whitenoise installs the newest release.
 */
public final class WhitenoiseDjangoModuleRemoved implements Rule {

    private static final String MODULE = "whitenoise.django";

    @Override
    public String id() {
        return "ST005";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ResolvedVersion> whitenoise = ResolvedVersion.of(project, "whitenoise");
        if (whitenoise.isEmpty() || whitenoise.get().isBelow("3.0")) {
            return;
        }
        boolean removed = whitenoise.get().isAtLeast("4.0");
        String installed = whitenoise.get().describe();
        Evidence because = whitenoise.get().evidence();
        for (Usage usage : usages(project)) {
            if (removed) {
                findings.report(usage.at(), "`" + usage.what() + "` was removed in whitenoise 4.0, so with " + installed + " "
                        + usage.failure() + " with ImportError; " + usage.fix(), usage.evidence(because));
            } else {
                findings.report(Severity.WARNING, usage.at(), "`" + usage.what() + "` is superseded in " + installed
                        + " and breaks on upgrade to 4.0; " + usage.fix(), usage.evidence(because));
            }
        }
    }

    private record Usage(Location at, String what, String failure, String fix, Location via) {

        Evidence[] evidence(Evidence because) {
            return via == null ? new Evidence[] {because}
                    : new Evidence[] {new Evidence(via, "takes effect through this import"), because};
        }
    }

    private static List<Usage> usages(Project project) {
        List<Usage> usages = new ArrayList<>();
        String middlewareFix = "remove it from wsgi.py and add `\"whitenoise.middleware.WhiteNoiseMiddleware\"` right after SecurityMiddleware";
        for (ModuleEvaluator.Evaluation wsgi : WsgiModules.of(project)) {
            for (ModuleEvaluator.ImportSite site : wsgi.imports()) {
                if (site.module().equals(MODULE) || site.module().startsWith(MODULE + ".")) {
                    String what = site.name() == null ? site.module() : site.module() + "." + site.name();
                    usages.add(new Usage(site.at(), what, "the dyno crashes at boot", middlewareFix, null));
                }
            }
        }
        DjangoProject django = DjangoProject.of(project);
        django.settings().ifPresent(settings -> {
            for (ModuleEvaluator.ImportSite site : settings.imports()) {
                if (site.module().equals(MODULE) || site.module().startsWith(MODULE + ".")) {
                    usages.add(new Usage(site.at(), site.module(), "the settings fail to import", "use `whitenoise.storage` and the middleware", null));
                }
            }
        });
        for (String setting : List.of("STATICFILES_STORAGE", "STORAGES")) {
            django.setting(setting).ifPresent(binding -> storageName(binding.value())
                    .filter(name -> name.startsWith(MODULE + "."))
                    .ifPresent(name -> usages.add(new Usage(binding.at(), name, "`collectstatic` fails during the build",
                            "use `whitenoise.storage.CompressedManifestStaticFilesStorage`", binding.via()))));
        }
        return usages;
    }

    private static Optional<String> storageName(Value value) {
        if (value instanceof Value.Str s) {
            return Optional.of(s.value());
        }
        if (value instanceof Value.Dict dict && dict.get("staticfiles") instanceof Value.Dict staticfiles
                && staticfiles.get("BACKEND") instanceof Value.Str backend) {
            return Optional.of(backend.value());
        }
        return Optional.empty();
    }
}
