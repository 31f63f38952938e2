package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.DeployStyle;
import dev.deploylint.project.Dockerfile;
import dev.deploylint.project.FileTree;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.source.Location;

/** PF001: a Python web app without a root Procfile; the Python buildpack defines no default process. */
public final class ProcfileMissing implements Rule {

    @Override
    public String id() {
        return "PF001";
    }

    @Override
    public void check(Project project, Findings findings) {
        FileTree.Kind kind = project.files().kind(Procfile.PATH);
        if (kind == FileTree.Kind.FILE || kind == FileTree.Kind.SYMLINK || project.files().exists("heroku.yml")
                || !ProcfileMisnamed.misnamed(project).isEmpty() || !AppFacts.isPythonWebApp(project)) {
            return;
        }
        if (kind == FileTree.Kind.DIRECTORY) {
            findings.report(Location.startOf(Procfile.PATH), "`Procfile` is a folder, not a file, so Heroku reads no process types"
                    + " and starts no web dyno for this Python app; rename the folder and add a `Procfile` file with `web: gunicorn "
                    + AppFacts.suggestedWsgiModule(project) + "`");
            return;
        }
        if (kind == FileTree.Kind.OTHER) {
            findings.report(Location.startOf(Procfile.PATH), "`Procfile` is a FIFO, socket or device file, which git cannot store,"
                    + " so the pushed app has no Procfile and Heroku starts no web dyno; replace it with a regular file with `web: gunicorn "
                    + AppFacts.suggestedWsgiModule(project) + "`");
            return;
        }
        // A root Dockerfile that starts the app makes it a container app (DeployStyle), for which this rule does not run.
        findings.report(AppFacts.webAppAnchor(project),
                "`Procfile` is missing at the app root, so Heroku starts no web dyno for this Python app;"
                        + " add a `Procfile` with `web: gunicorn " + AppFacts.suggestedWsgiModule(project) + "`");
    }
}
