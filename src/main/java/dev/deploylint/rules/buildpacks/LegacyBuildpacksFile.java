package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.BuildpackList;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;

/** BP005: only heroku-buildpack-multi, unmaintained, reads .buildpacks (its README and bin/detect). */
public final class LegacyBuildpacksFile implements Rule {

    @Override
    public String id() {
        return "BP005";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (project.files().isFile(BuildpackList.DOT_BUILDPACKS)) {
            findings.report(Location.startOf(BuildpackList.DOT_BUILDPACKS), "`.buildpacks` is read only by the unmaintained"
                    + " heroku-buildpack-multi and ignored otherwise; set the buildpacks with `heroku buildpacks:add`"
                    + " (or app.json `buildpacks`) and delete the file");
        }
    }
}
