package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.project.Version;
import dev.deploylint.rules.data.PythonVersionTable;

/** PY003: a Python version newer than the buildpack knows, or a patch release that does not exist. */
public final class PythonVersionUnknown implements Rule {

    @Override
    public String id() {
        return "PY003";
    }

    @Override
    public void check(Project project, Findings findings) {
        RequestedPython.of(project).ifPresent(r -> {
            if (r.status() == PythonVersionTable.Status.UNKNOWN) {
                findings.report(r.declared().at(), r.describe() + " isn't recognised by the Heroku Python buildpack, whose newest"
                        + " version is " + r.table().newest().name() + ", so the build fails; request Python " + r.table().newest().name());
                return;
            }
            if (r.declared().patch() == null) {
                return;
            }
            r.table().find(r.declared().major(), r.declared().minor())
                    .filter(minor -> minor.latestPatch() != null)
                    .filter(minor -> Version.parse(r.declared().text()).orElseThrow()
                            .compareTo(Version.parse(minor.latestPatch()).orElseThrow()) > 0)
                    .ifPresent(minor -> findings.report(r.declared().at(), r.describe() + " does not exist: the newest "
                            + minor.name() + " release the buildpack knows is " + minor.latestPatch() + ", so the build fails;"
                            + " request `" + minor.name() + "` to always get the newest patch"));
        });
    }
}
