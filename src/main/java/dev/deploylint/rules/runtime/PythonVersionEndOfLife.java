package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.rules.data.PythonVersionTable;

/** PY002: the requested Python is older than the oldest the buildpack builds. */
public final class PythonVersionEndOfLife implements Rule {

    @Override
    public String id() {
        return "PY002";
    }

    @Override
    public void check(Project project, Findings findings) {
        RequestedPython.of(project).filter(r -> r.status() == PythonVersionTable.Status.END_OF_LIFE).ifPresent(r ->
                findings.report(r.declared().at(), r.describe() + " has reached end-of-life on Heroku: the buildpack rejects"
                        + " versions older than " + r.table().oldestBuildable().name() + " and the build fails; "
                        + r.fix() + (r.fix().startsWith("request") ? " and test the app on it" : ""), PythonVersionUpgrade.of(project, r)));
    }
}
