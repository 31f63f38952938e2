package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.DjangoProject;
import java.util.Optional;
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
                        + " add a `Procfile` with `web: gunicorn " + AppFacts.suggestedWsgiModule(project) + "`", creation(project));
    }

    /**
     * Creates the Procfile the message suggests, only when it is certain to start the app: gunicorn
     * is a dependency, and the settings set WSGI_APPLICATION unconditionally to a literal
     * {@code <module>.application} whose module is a file at the app root, the one the message
     * names. Null otherwise (a guessed module or server would only move the crash to boot).
     */
    private static Fix creation(Project project) {
        if (Dependencies.of(project).find("gunicorn").isEmpty()) {
            return null;
        }
        Optional<String> module = DjangoProject.of(project).setting("WSGI_APPLICATION")
                .filter(binding -> !binding.conditional())
                .map(ModuleEvaluator.Binding::value)
                .filter(v -> v instanceof Value.Str)
                .map(v -> ((Value.Str) v).value())
                .filter(s -> s.endsWith(".application"))
                .map(s -> s.substring(0, s.length() - ".application".length()))
                .filter(m -> m.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*"))
                .filter(m -> project.files().kind(m.replace('.', '/') + ".py") == FileTree.Kind.FILE)
                .filter(m -> m.equals(AppFacts.suggestedWsgiModule(project)));
        return module.map(m -> Fix.builder("created `Procfile` with `web: gunicorn " + m + "`")
                .create(Procfile.PATH, "web: gunicorn " + m + "\n").build()).orElse(null);
    }
}
