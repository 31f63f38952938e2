package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.source.Location;
import java.util.List;

/**
 * PY007: a misspelled .python-version, which the buildpack turns into a build error when there is
 * no runtime.txt, even next to a correct .python-version (lib/python_version.sh, v351).
 */
public final class PythonVersionFileMisspelled implements Rule {

    /** The names the buildpack rejects (lib/python_version.sh, v351, L26-L48). */
    private static final List<String> MISSPELLINGS = List.of(
            " .python-version", ". python-version", ".python_version.txt", ".python_version", ".python-version ",
            ",python-version", ".python-version.", ".python-version.py", ".python-version.rtf", ".python-version.txt",
            ".python-version.TXT", ".Python-version", ".python.version", ".pythonversion", "'.python-version'",
            "python_version.txt", "python_version", "python-version.", "python-version.txt", "python-version");

    /** Whether the app has a file the buildpack rejects as a misspelled {@code .python-version} once runtime.txt is gone. */
    static boolean anyMisspelled(Project project) {
        return MISSPELLINGS.stream().anyMatch(project.files()::exists);
    }

    @Override
    public String id() {
        return "PY007";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (project.files().exists(PythonVersionFiles.RUNTIME_TXT)) {
            return;
        }
        for (String name : MISSPELLINGS) {
            if (project.files().exists(name)) {
                String also = project.files().isFile(PythonVersionFiles.PYTHON_VERSION)
                        ? "delete it (the app already has a `.python-version`)" : "rename it to `.python-version`";
                findings.report(Location.startOf(name), "`" + name + "` is a misspelled `.python-version`, and the buildpack stops"
                        + " the build with \"Your .python-version file is spelled incorrectly.\"; " + also);
            }
        }
    }
}
