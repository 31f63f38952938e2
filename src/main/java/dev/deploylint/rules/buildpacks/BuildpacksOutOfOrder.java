package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.BuildpackList;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import java.util.List;

/**
 * BP001: with Node.js assets, the buildpack list must run nodejs (and bower) before python, whose
 * collectstatic needs node and the npm-built assets, and apt before python, whose pip install needs
 * its libraries. Buildpacks that only wrap the start command may follow python: pgbouncer
 * ({@code bin/start-pgbouncer} in the Procfile) and nginx ({@code bin/start-nginx}) add nothing the
 * Python build reads (their READMEs, heroku/heroku-buildpack-pgbouncer, heroku/heroku-buildpack-nginx).
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
            for (BuildpackList.Entry after : entries.subList(python + 1, entries.size())) {
                if (after.kind() == BuildpackList.Kind.NODEJS || after.kind() == BuildpackList.Kind.BOWER || isApt(after.url())) {
                    boolean web = severity != null && after.kind() != BuildpackList.Kind.OTHER;
                    findings.report(web ? severity : null, pythonEntry.at(), "`" + after.url()
                            + "` runs after the Python buildpack in " + list.source() + ", so "
                            + (isApt(after.url()) ? "its system libraries are missing when pip installs the dependencies"
                                    : "node and the npm-built assets are missing when the Python build runs collectstatic")
                            + (web ? ", and without a Procfile its default `web: npm start` replaces the web command" : "")
                            + "; list it before python");
                    break;
                }
            }
            if (packageJson && lastIndexOf(entries, BuildpackList.Kind.NODEJS) < 0) {
                findings.report(pythonEntry.at(), list.source() + " has no Node.js buildpack, so `package.json` is never installed"
                        + " before the Python build; list `heroku/nodejs` before python");
            }
        }
    }

    private static boolean isApt(String url) {
        return url.equals("heroku-community/apt") || url.contains("heroku-buildpack-apt");
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
