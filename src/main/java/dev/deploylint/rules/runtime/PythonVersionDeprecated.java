package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.rules.data.PythonVersionTable;

/** PY004: a Python version the buildpack still builds but has announced it will reject. */
public final class PythonVersionDeprecated implements Rule {

    @Override
    public String id() {
        return "PY004";
    }

    @Override
    public void check(Project project, Findings findings) {
        RequestedPython.of(project).filter(r -> r.status() == PythonVersionTable.Status.DEPRECATED).ifPresent(r -> {
            String removal = r.table().find(r.declared().major(), r.declared().minor())
                    .map(PythonVersionTable.Minor::removalDate).map(date -> " " + date).orElse(" a date to be announced");
            findings.report(r.declared().at(), r.describe() + " is deprecated on Heroku and builds will fail from" + removal
                    + "; " + r.fix(), PythonVersionUpgrade.of(project, r));
        });
    }
}
