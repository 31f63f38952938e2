package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.BuildpackList;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;

/**
 * BP004: every listed buildpack must pass its own detection or the build fails (Python: bin/detect,
 * v351; Node.js: bin/detect passes only with a root package.json).
 */
public final class BuildpackDetectFails implements Rule {

    @Override
    public String id() {
        return "BP004";
    }

    @Override
    public void check(Project project, Findings findings) {
        boolean packageJson = project.files().isFile("package.json");
        boolean python = AppFacts.isPythonApp(project);
        for (BuildpackList list : BuildpackList.of(project)) {
            for (BuildpackList.Entry entry : list.entries()) {
                if (entry.kind() == BuildpackList.Kind.NODEJS && !packageJson) {
                    findings.report(entry.at(), "`" + entry.url() + "` is listed in " + list.source() + " but there is no `package.json`"
                            + " at the app root, so the Node.js buildpack's detection fails and so does the build; add a `package.json`"
                            + " or remove the buildpack");
                } else if (entry.kind() == BuildpackList.Kind.PYTHON && !python) {
                    findings.report(entry.at(), "`" + entry.url() + "` is listed in " + list.source() + " but the app root has no"
                            + " Python project file, so the Python buildpack's detection fails and so does the build; add a"
                            + " `requirements.txt` (or another package manager file) at the root or remove the buildpack");
                }
            }
        }
    }
}
