package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.rules.data.PythonVersionTable;

/** PY008: runtime.txt and .python-version resolve to different Pythons; runtime.txt wins. */
public final class PythonVersionFilesDisagree implements Rule {

    @Override
    public String id() {
        return "PY008";
    }

    @Override
    public void check(Project project, Findings findings) {
        PythonVersionFiles files = PythonVersionFiles.of(project);
        if (files.runtimeTxt().isEmpty() || files.pythonVersion().isEmpty()) {
            return;
        }
        PythonVersionFiles.Declared runtime = files.runtimeTxt().get();
        PythonVersionFiles.Declared pinned = files.pythonVersion().get();
        if (resolved(runtime).equals(resolved(pinned))) {
            return;
        }
        findings.report(runtime.at(), "runtime.txt requests Python " + runtime.text() + " but .python-version requests "
                + pinned.text() + ", and runtime.txt wins, so .python-version is ignored; delete runtime.txt and keep the version"
                + " you want in .python-version", new Evidence(pinned.at(), ".python-version requests " + pinned.text()));
    }

    /** The full version the buildpack installs: a major-only request gets the newest patch it knows. */
    private static String resolved(PythonVersionFiles.Declared declared) {
        if (declared.patch() != null) {
            return declared.text();
        }
        return PythonVersionTable.get().find(declared.major(), declared.minor())
                .map(PythonVersionTable.Minor::latestPatch)
                .filter(patch -> patch != null)
                .orElse(declared.text());
    }
}
