package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.Optional;

/**
 * ST006: STORAGES replaces Django's whole default dict, so one without "staticfiles" leaves
 * collectstatic no storage. Django 5.0 added the check staticfiles.E005 (django/django#17081),
 * which collectstatic runs; on 4.2 the storage lookup itself fails.
 */
public final class StoragesLacksStaticfiles implements Rule {

    @Override
    public String id() {
        return "ST006";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ModuleEvaluator.Binding> storages = django.definiteSetting("STORAGES");
        Optional<ResolvedVersion> version = ResolvedVersion.of(project, "django");
        if (storages.isEmpty() || version.isEmpty() || version.get().isBelow("4.2")
                || !AppFacts.installedApp(project, StaticSettings.STATICFILES_APP)
                || !(storages.get().value() instanceof Value.Dict dict)
                || !dict.entries().stream().allMatch(e -> e.key() instanceof Value.Str) || dict.get("staticfiles") != null) {
            return;
        }
        String failure = version.get().isAtLeast("5.0")
                ? "Django's check staticfiles.E005 (\"The STORAGES setting must define a 'staticfiles' storage.\") stops `collectstatic`"
                : "`collectstatic` finds no `staticfiles` storage and fails";
        findings.report(storages.get().at(), "STORAGES has no `\"staticfiles\"` entry and replaces Django's defaults, so with "
                + version.get().describe() + " " + failure + " and the Heroku build fails; add"
                + " `\"staticfiles\": {\"BACKEND\": \"whitenoise.storage.CompressedManifestStaticFilesStorage\"}`",
                AppFacts.evidence(storages.get(), version.get()));
    }
}
