package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.json.Json;
import dev.deploylint.project.Project;

/** NJ004: io.js merged back into Node.js in 2015 and the Node.js buildpack fails on engines.iojs (4f394e95). */
public final class NodeIojsEngine implements Rule {

    @Override
    public String id() {
        return "NJ004";
    }

    @Override
    public void check(Project project, Findings findings) {
        PackageJson.engine(project, "iojs").ifPresent(member -> findings.report(member.keyAt(), "`engines.iojs` asks for io.js,"
                + " which the Node.js buildpack no longer installs, so the build fails; replace it with `\"node\": \"24.x\"`"));
    }
}
