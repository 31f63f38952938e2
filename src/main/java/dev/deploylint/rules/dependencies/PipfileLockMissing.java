package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;

/** RQ004: a Pipfile without Pipfile.lock; an error since buildpack v292 even beside requirements.txt. */
public final class PipfileLockMissing implements Rule {

    @Override
    public String id() {
        return "RQ004";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (project.files().isFile("Pipfile") && !project.files().exists("Pipfile.lock")) {
            findings.report(Location.startOf("Pipfile"), "`Pipfile` has no `Pipfile.lock`, so the build fails with"
                    + " \"No 'Pipfile.lock' found!\"; run `pipenv lock` and commit `Pipfile.lock`, or delete the Pipfile");
        }
    }
}
