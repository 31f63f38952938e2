package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectTemplate;
import dev.deploylint.project.PythonVersionFiles;

/**
 * PY001: a version file the buildpack rejects. While runtime.txt exists the buildpack never reads
 * .python-version, so a bad .python-version is then only a warning.
 */
public final class PythonVersionInvalid implements Rule {

    @Override
    public String id() {
        return "PY001";
    }

    @Override
    public void check(Project project, Findings findings) {
        boolean runtimeTxt = project.files().isFile(PythonVersionFiles.RUNTIME_TXT);
        for (PythonVersionFiles.Invalid invalid : PythonVersionFiles.of(project).invalid()) {
            if (project.text(invalid.at().path()).filter(file -> ProjectTemplate.containsPlaceholder(file.line(invalid.at().line()))).isPresent()) {
                continue;
            }
            boolean shadowed = runtimeTxt && invalid.at().path().equals(PythonVersionFiles.PYTHON_VERSION);
            findings.report(shadowed ? Severity.WARNING : null, invalid.at(),
                    invalid.message() + (shadowed ? " (ignored while runtime.txt exists, fatal once it is removed)" : ""));
        }
    }
}
