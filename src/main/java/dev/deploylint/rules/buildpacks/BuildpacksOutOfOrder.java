package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.BuildpackList;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import java.util.List;

/**
 * BP001: with Node.js assets, the buildpack list must run nodejs (and bower) before python, and
 * python last: the last buildpack sets the process types and the language Heroku reports
 * (Dev Center, using-multiple-buildpacks-for-an-app).
 */
public final class BuildpacksOutOfOrder implements Rule {

    @Override
    public String id() {
        return "BP001";
    }

    @Override
    public void check(Project project, Findings findings) {
        boolean packageJson = project.files().isFile("package.json");
        boolean bowerJson = project.files().isFile("bower.json");
        if (!packageJson && !bowerJson) {
            return;
        }
        Severity severity = project.files().exists(Procfile.PATH) ? null : Severity.ERROR;
        for (BuildpackList list : BuildpackList.of(project)) {
            List<BuildpackList.Entry> entries = list.entries();
            int python = lastIndexOf(entries, BuildpackList.Kind.PYTHON);
            if (python < 0) {
                continue;
            }
            BuildpackList.Entry pythonEntry = entries.get(python);
            if (python < entries.size() - 1) {
                BuildpackList.Entry after = entries.get(python + 1);
                findings.report(severity, pythonEntry.at(), "`" + after.url() + "` runs after the Python buildpack in " + list.source()
                        + ", so it decides the app's process types and language" + (severity == null ? "" : " and, without a Procfile, the web command")
                        + "; list python last");
            }
            if (packageJson && lastIndexOf(entries, BuildpackList.Kind.NODEJS) < 0) {
                findings.report(pythonEntry.at(), list.source() + " has no Node.js buildpack, so `package.json` is never installed"
                        + " before the Python build; list `heroku/nodejs` before python");
            }
        }
    }

    private static int lastIndexOf(List<BuildpackList.Entry> entries, BuildpackList.Kind kind) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }
}
