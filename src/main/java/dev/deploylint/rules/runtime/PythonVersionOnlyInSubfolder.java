package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.source.Location;
import java.util.List;

/** PY011: a Python version file below the root, which the buildpack never reads. */
public final class PythonVersionOnlyInSubfolder implements Rule {

    @Override
    public String id() {
        return "PY011";
    }

    @Override
    public void check(Project project, Findings findings) {
        PythonVersionFiles files = PythonVersionFiles.of(project);
        if (!AppFacts.isPythonApp(project) || files.anyDeclared(project)) {
            return;
        }
        List<String> nested = files.inSubfolders(project);
        if (nested.isEmpty()) {
            return;
        }
        String path = nested.get(0);
        String name = path.substring(path.lastIndexOf('/') + 1);
        findings.report(Location.startOf(path), "`" + path + "` is ignored: the buildpack reads `" + name
                + "` only at the app root, so this app declares no Python version; put the version in a `.python-version` file at the root");
    }
}
