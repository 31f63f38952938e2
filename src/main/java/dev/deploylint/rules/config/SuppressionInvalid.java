package dev.deploylint.rules.config;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.InlineSuppressions;
import dev.deploylint.project.Project;

/**
 * DL004: a {@code # deploylint: ignore[...]} comment that is malformed or lacks a reason.
 * Suppressions that name an unknown rule or silence nothing are reported under the same id by
 * {@link dev.deploylint.lint.Suppressor}, which alone knows the catalogue and every rule's findings.
 */
public final class SuppressionInvalid implements Rule {

    @Override
    public String id() {
        return "DL004";
    }

    @Override
    public void check(Project project, Findings findings) {
        for (InlineSuppressions.Suppression suppression : InlineSuppressions.of(project)) {
            if (suppression.problem() != null) {
                findings.report(suppression.at(), "this deploylint comment is not a valid suppression: " + suppression.problem());
            }
        }
    }
}
