package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;
import java.util.List;

/**
 * NJ003: the Node.js buildpack picks npm, Yarn or pnpm by lockfile and fails with "Multiple
 * lockfiles found." when more than one is present, or a modern one sits beside npm-shrinkwrap.json
 * (heroku-buildpack-nodejs, 4f394e95).
 */
public final class NodeLockfilesConflict implements Rule {

    private static final List<String> LOCKFILES = List.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml");
    private static final String SHRINKWRAP = "npm-shrinkwrap.json";

    @Override
    public String id() {
        return "NJ003";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (!project.files().isFile(PackageJson.PATH)) {
            return;
        }
        List<String> present = LOCKFILES.stream().filter(project.files()::isFile).toList();
        if (present.size() > 1) {
            findings.report(Location.startOf(present.get(1)), "`" + present.get(1) + "` and `" + present.get(0) + "` are both"
                    + " committed, so the Node.js buildpack cannot tell which package manager to use and the build fails with"
                    + " \"Multiple lockfiles found.\"; keep the lockfile of the package manager the app uses and delete the other");
        } else if (present.size() == 1 && project.files().isFile(SHRINKWRAP)) {
            findings.report(Location.startOf(SHRINKWRAP), "`" + SHRINKWRAP + "` and `" + present.get(0) + "` are both committed,"
                    + " so the Node.js buildpack's build fails; keep one of them");
        }
    }
}
