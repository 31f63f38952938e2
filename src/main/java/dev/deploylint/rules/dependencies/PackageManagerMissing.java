package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.PackageManagers;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.source.Location;

/**
 * RQ001: a Python app with none of the four package-manager files. A {@code bin/pre_compile}
 * hook runs before the check and may create one, so then it is only a warning.
 */
public final class PackageManagerMissing implements Rule {

    @Override
    public String id() {
        return "RQ001";
    }

    @Override
    public void check(Project project, Findings findings) {
        PackageManagers managers = PackageManagers.of(project);
        if (!managers.managerFiles().isEmpty() || managers.pipfile() || !AppFacts.isPythonApp(project)) {
            return;
        }
        Severity severity = project.files().isFile("bin/pre_compile") ? Severity.WARNING : null;
        if (!managers.misspelledRequirements().isEmpty()) {
            String name = managers.misspelledRequirements().get(0);
            findings.report(severity, Location.startOf(name), "`" + name + "` is not a package manager file Heroku reads,"
                    + " so the build fails with 'Couldn't find any supported Python package manager files.'; rename it to `requirements.txt`");
        } else if (managers.pyproject()) {
            findings.report(severity, Location.startOf("pyproject.toml"), "`pyproject.toml` has no lock file, so Heroku cannot install"
                    + " it; run `uv lock` (or `poetry lock`) and commit `uv.lock` (or `poetry.lock`)");
        } else if (managers.setupPy()) {
            findings.report(severity, Location.startOf("setup.py"), "Heroku no longer installs an app from `setup.py` alone"
                    + " ('Implicit setup.py file support has been sunset.'); add a `requirements.txt` containing `--editable .`");
        } else {
            findings.report(severity, Location.startOf(AppFacts.pythonAnchorPath(project)), "no package manager file at the app root"
                    + " (requirements.txt, Pipfile.lock, poetry.lock or uv.lock), so the build fails with 'Couldn't find any supported"
                    + " Python package manager files.'; add a `requirements.txt`, empty if the app has no dependencies");
        }
    }
}
