package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.PackageManagers;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.PythonAdvice;
import dev.deploylint.rules.data.PythonVersionTable;
import dev.deploylint.source.Location;

/** PY006: no Python version declared; a warning, and an error with uv (lib/python_version.sh, v351). */
public final class PythonVersionMissing implements Rule {

    @Override
    public String id() {
        return "PY006";
    }

    @Override
    public void check(Project project, Findings findings) {
        PackageManagers managers = PackageManagers.of(project);
        if (!AppFacts.isPythonApp(project) || managers.managerFiles().isEmpty()
                || PythonVersionFiles.of(project).anyDeclared(project)) {
            return;
        }
        String fix = PythonAdvice.newestFitting(project)
                .map(p -> "add a `.python-version` file containing `" + p + "` (or the version you test with)")
                .orElse("add a `.python-version` file with the version you test with, and " + PythonAdvice.request(project));
        Location anchor = Location.startOf(managers.managerFiles().get(0));
        if (managers.usesUv()) {
            findings.report(Severity.ERROR, anchor, "no Python version is declared and uv apps must declare one, so the build fails; " + fix);
        } else {
            findings.report(anchor, "no Python version is declared, so the build uses the buildpack default (Python "
                    + PythonVersionTable.get().defaultPython() + " today), which changes without notice; " + fix);
        }
    }
}
