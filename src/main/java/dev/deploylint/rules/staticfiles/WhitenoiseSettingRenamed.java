package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.Optional;

/** ST014: whitenoise 3.0 renamed WHITENOISE_GZIP_EXCLUDE_EXTENSIONS to WHITENOISE_SKIP_COMPRESS_EXTENSIONS. */
public final class WhitenoiseSettingRenamed implements Rule {

    private static final String OLD = "WHITENOISE_GZIP_EXCLUDE_EXTENSIONS";

    @Override
    public String id() {
        return "ST014";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ModuleEvaluator.Binding> setting = DjangoProject.of(project).definiteSetting(OLD);
        Optional<ResolvedVersion> whitenoise = ResolvedVersion.of(project, "whitenoise");
        if (setting.isEmpty() || whitenoise.isEmpty() || whitenoise.get().isBelow("3.0")) {
            return;
        }
        findings.report(setting.get().at(), OLD + " was renamed in whitenoise 3.0, so " + whitenoise.get().describe()
                + " ignores it and compresses the files it lists; rename it to WHITENOISE_SKIP_COMPRESS_EXTENSIONS",
                AppFacts.evidence(setting.get(), whitenoise.get()));
    }
}
