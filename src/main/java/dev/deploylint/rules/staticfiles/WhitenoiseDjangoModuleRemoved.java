package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.source.SourceFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
                        + usage.failure() + " with ImportError; " + usage.fix(), usage.edit(), usage.evidence(because));
            } else {
                findings.report(Severity.WARNING, usage.at(), "`" + usage.what() + "` is superseded in " + installed
                        + " and breaks on upgrade to 4.0; " + usage.fix(), usage.edit(), usage.evidence(because));
            }
        }
    }

    private record Usage(Location at, String what, String failure, String fix, Location via, Fix edit) {

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
                    usages.add(new Usage(site.at(), what, "the dyno crashes at boot", middlewareFix, null, wrapperRemoval(project, site)));
                }
            }
        }
        DjangoProject django = DjangoProject.of(project);
        django.settings().ifPresent(settings -> {
            for (ModuleEvaluator.ImportSite site : settings.imports()) {
                if (site.module().equals(MODULE) || site.module().startsWith(MODULE + ".")) {
                    usages.add(new Usage(site.at(), site.module(), "the settings fail to import", "use `whitenoise.storage` and the middleware", null, null));
                }
            }
        });
        for (String setting : List.of("STATICFILES_STORAGE", "STORAGES")) {
            django.setting(setting).ifPresent(binding -> storageName(binding.value())
                    .filter(name -> name.startsWith(MODULE + "."))
                    .ifPresent(name -> usages.add(new Usage(binding.at(), name, "`collectstatic` fails during the build",
                            "use `whitenoise.storage.CompressedManifestStaticFilesStorage`", binding.via(), null))));
        }
        return usages;
    }

    private static final Pattern WRAPPING = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*) = DjangoWhiteNoise\\(\\1\\)[ \\t]*(#.*)?$");

    /**
     * Removes {@code from whitenoise.django import DjangoWhiteNoise} and the one top-level
     * {@code application = DjangoWhiteNoise(application)} from wsgi.py, and adds the middleware
     * after SecurityMiddleware unless MIDDLEWARE lists it already. Only in that plain shape: the
     * import alone on its line, the wrapper used nowhere else (no {@code add_files} calls, whose
     * folders the middleware does not serve), MIDDLEWARE a plain list. Null otherwise.
     */
    private static Fix wrapperRemoval(Project project, ModuleEvaluator.ImportSite site) {
        Optional<SourceFile> found = project.text(site.at().path());
        if (!site.module().equals(MODULE) || !"DjangoWhiteNoise".equals(site.name()) || found.isEmpty()) {
            return null;
        }
        SourceFile wsgi = found.get();
        int importLine = site.at().line();
        if (!wsgi.line(importLine).strip().equals("from whitenoise.django import DjangoWhiteNoise")) {
            return null;
        }
        Matcher wrapping = WRAPPING.matcher(wsgi.text());
        if (!wrapping.find()) {
            return null;
        }
        int wrapLine = wsgi.locationOf(wrapping.start()).line();
        if (wrapping.find() || wsgi.text().split("DjangoWhiteNoise", -1).length != 3
                || wsgi.text().contains("add_files") || wrapLine == importLine) {
            return null;
        }
        Fix.Builder fix = Fix.builder("replaced `DjangoWhiteNoise` in " + wsgi.path() + " by WhiteNoiseMiddleware")
                .replace(wsgi, wsgi.lineStart(importLine), wsgi.lineEnd(importLine), "")
                .replace(wsgi, wsgi.lineStart(wrapLine), wsgi.lineEnd(wrapLine), "");
        Optional<ModuleEvaluator.Binding> middleware = DjangoProject.of(project).setting("MIDDLEWARE");
        if (middleware.isEmpty() || ResolvedVersion.of(project, "django").filter(d -> d.isBelow("1.10")).isPresent()) {
            return null;
        }
        Optional<List<String>> names = StaticSettings.strings(middleware.get().value());
        if (names.isEmpty()) {
            return null;
        }
        if (names.get().contains(WhitenoiseMiddlewareOrder.WHITENOISE)) {
            return fix.build();
        }
        return WhitenoiseNotConfigured.insertInto(fix, project, middleware.get()) ? fix.build() : null;
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
