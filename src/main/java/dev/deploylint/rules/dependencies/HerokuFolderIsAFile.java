package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.BuildpackList;
import dev.deploylint.project.FileTree;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;

/**
 * RQ011: the Node.js buildpack installs Node into {@code .heroku/node} and fails with "The directory
 * .heroku could not be created." when {@code .heroku} or {@code .heroku/node} is a file
 * (heroku-buildpack-nodejs, 4f394e95).
 */
public final class HerokuFolderIsAFile implements Rule {

    @Override
    public String id() {
        return "RQ011";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (!nodeBuildpackRuns(project)) {
            return;
        }
        FileTree files = project.files();
        String path = files.kind(".heroku") == FileTree.Kind.FILE ? ".heroku"
                : files.kind(".heroku/node") == FileTree.Kind.FILE ? ".heroku/node" : null;
        if (path != null) {
            findings.report(Location.startOf(path), "`" + path + "` is a file, but the Node.js buildpack installs Node into the"
                    + " folder `.heroku/node`, so the build fails with \"The directory .heroku could not be created.\"; delete or"
                    + " rename `" + path + "`");
        }
    }

    private static boolean nodeBuildpackRuns(Project project) {
        return project.files().isFile("package.json") || BuildpackList.of(project).stream()
                .anyMatch(list -> list.entries().stream().anyMatch(e -> e.kind() == BuildpackList.Kind.NODEJS));
    }
}
