package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.rules.ResolvedVersion;
import java.util.Optional;

/**
 * ST015: whitenoise up to 4.1.2 imports django.utils.six (removed in Django 3.0) and up to 4.1.1
 * reads settings.FILE_CHARSET (removed in 3.1); 4.1.3 is the first release free of both
 * (evansd/whitenoise docs/changelog.rst, verified against the tags).
 */
public final class WhitenoiseDjangoIncompatible implements Rule {

    @Override
    public String id() {
        return "ST015";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ResolvedVersion> whitenoise = ResolvedVersion.of(project, "whitenoise");
        Optional<ResolvedVersion> django = ResolvedVersion.of(project, "django");
        if (whitenoise.isEmpty() || django.isEmpty() || !whitenoise.get().isBelow("4.1.3") || django.get().isBelow("3.0")
                || !StaticSettings.usesWhitenoise(project)) {
            return;
        }
        String failure = whitenoise.get().isBelow("4.1.2") && django.get().isAtLeast("3.1")
                ? "imports `django.utils.six` and reads `settings.FILE_CHARSET`, both gone from Django 3.1"
                : "imports `django.utils.six`, which Django 3.0 removed";
        findings.report(whitenoise.get().dependency().at(), whitenoise.get().describe() + " " + failure + ", so with "
                + django.get().describe() + " loading WhiteNoise fails and the build or the dyno crashes; upgrade to whitenoise 4.1.3"
                + " or newer (5.0+ for Django 3.x, 6.x for Django 4.x and newer)", django.get().evidence());
    }
}
