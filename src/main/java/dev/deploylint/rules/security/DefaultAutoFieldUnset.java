package dev.deploylint.rules.security;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.ResolvedVersion;
import java.util.Optional;

/** DJ012: DEFAULT_AUTO_FIELD is unset on Django 3.2 to 5.2, which warn models.W042 for every model without a primary key. */
public final class DefaultAutoFieldUnset implements Rule {

    @Override
    public String id() {
        return "DJ012";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ResolvedVersion> version = ResolvedVersion.of(project, "django");
        if (!django.definitelyUnset("DEFAULT_AUTO_FIELD") || version.isEmpty()
                || version.get().isBelow("3.2") || version.get().isAtLeast("6.0")) {
            return;
        }
        findings.report(SecuritySettings.settingsStart(django), "DEFAULT_AUTO_FIELD is not set, so " + version.get().describe()
                + " warns models.W042 for each model without an explicit primary key and Django 6.0 will switch new keys to"
                + " BigAutoField; set `DEFAULT_AUTO_FIELD = \"django.db.models.BigAutoField\"` (or AutoField to keep existing"
                + " migrations unchanged)", version.get().evidence());
    }
}
