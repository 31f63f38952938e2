package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.IgnoreFile;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;
import java.util.Optional;

/**
 * RQ006: the buildpack refuses a committed virtualenv (error since v324, 2025-12-09) and a committed
 * {@code .heroku/python} (error since v291, 2025-07-10), lib/checks.sh. A folder the root .gitignore
 * ignores is taken to be local and uncommitted, as is one without files.
 */
public final class VirtualenvCommitted implements Rule {

    @Override
    public String id() {
        return "RQ006";
    }

    @Override
    public void check(Project project, Findings findings) {
        for (String folder : new String[] {".venv", "venv"}) {
            String marker = folder + "/pyvenv.cfg";
            if (project.files().exists(marker) && !gitIgnored(project, marker)) {
                findings.report(Location.startOf(marker), "`" + folder + "/` is a committed virtualenv, so the build fails with"
                        + " an error about the existing `" + folder + "/` directory; run `git rm -r --cached " + folder + "` and add `" + folder + "/` to `.gitignore`");
            }
        }
        Optional<String> installed = project.files().entries().keySet().stream()
                .filter(path -> path.startsWith(".heroku/python/") && !project.files().isDirectory(path)).findFirst();
        if (installed.isPresent() && !gitIgnored(project, installed.get())) {
            findings.report(Location.startOf(".heroku/python"), "`.heroku/python/` is committed, so the build fails with"
                    + " \"Existing '.heroku/python/' directory found.\"; run `git rm -r --cached .heroku/python` and add it to `.gitignore`");
        }
    }

    /** A folder the root .gitignore ignores is a local one that git does not push. */
    private static boolean gitIgnored(Project project, String path) {
        return IgnoreFile.of(project, IgnoreFile.GITIGNORE).flatMap(file -> file.firstRemoving(path)).isPresent();
    }
}
