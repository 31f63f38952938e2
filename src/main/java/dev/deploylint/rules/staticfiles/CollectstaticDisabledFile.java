package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;

/** ST017: the buildpack still honours the file but warns that it is deprecated (bin/steps/collectstatic, v351). */
public final class CollectstaticDisabledFile implements Rule {

    static final String PATH = ".heroku/collectstatic_disabled";

    @Override
    public String id() {
        return "ST017";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (project.files().isFile(PATH)) {
            findings.report(Location.startOf(PATH), "`" + PATH + "` is deprecated as a way to skip collectstatic; delete it and"
                    + " run `heroku config:set DISABLE_COLLECTSTATIC=1` instead");
        }
    }
}
