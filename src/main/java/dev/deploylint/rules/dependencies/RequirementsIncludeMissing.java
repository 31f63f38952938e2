package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.Project;
import dev.deploylint.project.Requirements;

/**
 * DL006: pip stops with "Could not open requirements file: [Errno 2] No such file or directory"
 * on an {@code -r} include it cannot open (pip/_internal/req/req_file.py, get_file_content), so
 * the build fails. A path that leaves the app exists on Heroku only if the app is built from a
 * folder above it, which deploylint cannot know: a warning.
 */
public final class RequirementsIncludeMissing implements Rule {

    @Override
    public String id() {
        return "DL006";
    }

    @Override
    public void check(Project project, Findings findings) {
        Requirements.of(project).ifPresent(requirements -> {
            for (Requirements.MissingInclude include : requirements.missingIncludes()) {
                if (include.outside()) {
                    findings.report(Severity.WARNING, include.at(), "`-r " + include.path() + "` leaves the app, and Heroku builds only"
                            + " the app's folder, so pip stops with \"Could not open requirements file\" and the build fails unless"
                            + " the app is built from a folder above it; copy the file into the app and include it from there");
                } else {
                    findings.report(include.at(), "`-r " + include.path() + "` names a file that is not in the app (or is not a"
                            + " regular file), so pip stops with \"Could not open requirements file\" and the build fails;"
                            + " add the file or remove the line");
                }
            }
        });
    }
}
