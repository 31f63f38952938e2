package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.DeployStyle;
import dev.deploylint.project.Dockerfile;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Optional;

/** PF001: a Python web app without a root Procfile; the Python buildpack defines no default process. */
public final class ProcfileMissing implements Rule {

    @Override
    public String id() {
        return "PF001";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (project.files().exists(Procfile.PATH) || project.files().exists("heroku.yml")
                || !ProcfileMisnamed.misnamed(project).isEmpty() || !AppFacts.isPythonWebApp(project)) {
            return;
        }
        Optional<Dockerfile.Command> command = Dockerfile.of(project, DeployStyle.DEFAULT_DOCKERFILE).flatMap(Dockerfile::command);
        if (command.isPresent()) {
            // A Dockerfile that starts a process may be deployed with `heroku container:push`, which needs no Procfile;
            // many buildpack apps keep one for local development, so neither style is certain.
            findings.report(Severity.NOTE, AppFacts.webAppAnchor(project),
                    "`Procfile` is missing at the app root; if this app is deployed with buildpacks no web dyno starts,"
                            + " add a `Procfile` with `web: gunicorn " + AppFacts.suggestedWsgiModule(project) + "`; if it is deployed"
                            + " with `heroku container:push`, the Dockerfile's command starts it and no Procfile is needed",
                    new Evidence(command.get().at(), "the Dockerfile starts a process here"));
            return;
        }
        findings.report(AppFacts.webAppAnchor(project),
                "`Procfile` is missing at the app root, so Heroku starts no web dyno for this Python app;"
                        + " add a `Procfile` with `web: gunicorn " + AppFacts.suggestedWsgiModule(project) + "`");
    }
}
