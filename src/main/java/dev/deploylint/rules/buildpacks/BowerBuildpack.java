package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.BuildpackList;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;

/** BP007: ejholmes/heroku-buildpack-bower's last commit is from 2013-11-27 and expects the 2013 Node.js layout. */
public final class BowerBuildpack implements Rule {

    private static final String FIX = "declare the front-end packages in `package.json` and build them in its `build` script"
            + " with `heroku/nodejs` listed before `heroku/python`";

    @Override
    public String id() {
        return "BP007";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (project.files().isFile("bower.json")) {
            findings.report(Location.startOf("bower.json"), "`bower.json` needs Bower, which is deprecated, and the Heroku Bower"
                    + " buildpack has been abandoned since 2013; " + FIX);
        }
        for (BuildpackList list : BuildpackList.of(project)) {
            for (BuildpackList.Entry entry : list.entries()) {
                if (entry.kind() == BuildpackList.Kind.BOWER) {
                    findings.report(entry.at(), "`" + entry.url() + "` in " + list.source() + " is a Bower buildpack, abandoned since"
                            + " 2013 and written for a Node.js layout Heroku no longer has; remove it and " + FIX);
                }
            }
        }
    }
}
