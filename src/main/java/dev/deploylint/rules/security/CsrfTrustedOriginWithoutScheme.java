package dev.deploylint.rules.security;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.ResolvedVersion;
import java.util.Optional;

/** DJ009: a CSRF_TRUSTED_ORIGINS entry has no scheme, which Django 4.0+ rejects with 4_0.E001. */
public final class CsrfTrustedOriginWithoutScheme implements Rule {

    @Override
    public String id() {
        return "DJ009";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ModuleEvaluator.Binding> origins = DjangoProject.of(project).definiteSetting("CSRF_TRUSTED_ORIGINS");
        Optional<ResolvedVersion> djangoVersion = ResolvedVersion.of(project, "django");
        if (origins.isEmpty() || !(origins.get().value() instanceof Value.Seq seq)
                || djangoVersion.isEmpty() || djangoVersion.get().isBelow("4.0")) {
            return;
        }
        Evidence[] evidence = SecuritySettings.evidence(origins.get(), djangoVersion.get().evidence());
        for (Value item : seq.items()) {
            if (item instanceof Value.Str origin && !origin.value().contains("://")) {
                findings.report(origins.get().at(), "CSRF_TRUSTED_ORIGINS entry `" + origin.value() + "` has no scheme, which "
                        + djangoVersion.get().describe() + " rejects with system check 4_0.E001, so `manage.py migrate` (the release"
                        + " phase) fails; write `https://" + origin.value() + "`", evidence);
            }
        }
    }
}
