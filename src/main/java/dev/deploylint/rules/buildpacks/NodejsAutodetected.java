package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.BuildpackList;
import dev.deploylint.project.Project;
import dev.deploylint.project.StructuredFiles;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.source.Location;

/**
 * BP002: without a buildpack set, Heroku tries Ruby, Node.js, Clojure, Python, ... in that order and
 * keeps the first that detects (Dev Center, buildpacks), so a root package.json wins over Python.
 */
public final class NodejsAutodetected implements Rule {

    @Override
    public String id() {
        return "BP002";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (!project.files().isFile("package.json") || !AppFacts.isPythonApp(project)
                || project.files().exists(BuildpackList.DOT_BUILDPACKS) || !BuildpackList.of(project).isEmpty()
                || StructuredFiles.json(project, "app.json").filter(doc -> !doc.isValid()).isPresent()) {
            return;
        }
        findings.report(Location.startOf("package.json"), "`package.json` makes Heroku's auto-detection pick the Node.js"
                + " buildpack, which it tries before Python, so an app without buildpacks set is built as a Node.js app only;"
                + " run `heroku buildpacks:set heroku/python` and `heroku buildpacks:add --index 1 heroku/nodejs`");
    }
}
