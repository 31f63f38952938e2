package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.IgnoreFile;
import dev.deploylint.project.Project;

/** HK005: .slugignore "does not support negated ! patterns" (Dev Center, slug compiler). */
public final class SlugignoreNegation implements Rule {

    @Override
    public String id() {
        return "HK005";
    }

    @Override
    public void check(Project project, Findings findings) {
        IgnoreFile.of(project, IgnoreFile.SLUGIGNORE).ifPresent(slugignore -> {
            for (IgnoreFile.Pattern pattern : slugignore.patterns()) {
                if (pattern.negated()) {
                    findings.report(pattern.at(), "`" + pattern.text() + "` does not keep anything: `.slugignore` has no negated"
                            + " patterns, so files matched by other lines are still removed; delete this line and narrow the patterns"
                            + " that match those files");
                }
            }
        });
    }
}
