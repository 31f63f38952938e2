package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.json.Json;
import dev.deploylint.project.Project;
import java.util.Optional;

/**
 * NJ001: without engines.node the Node.js buildpack installs its current recommended LTS, which
 * changes over time. An engines.iojs is left to NJ004, whose fix adds engines.node.
 */
public final class NodeEngineMissing implements Rule {

    @Override
    public String id() {
        return "NJ001";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<Json.JObject> root = PackageJson.root(project);
        if (root.isEmpty() || PackageJson.engine(project, "node").isPresent() || PackageJson.engine(project, "iojs").isPresent()) {
            return;
        }
        Json at = root.get().get("engines").orElse(root.get());
        findings.report(at.at(), "`package.json` has no `engines.node`, so the Node.js buildpack installs whatever Node.js LTS"
                + " is current on the day of the build; add `\"engines\": {\"node\": \"24.x\"}` with the major version the app uses");
    }
}
