package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.json.Json;
import dev.deploylint.project.NodeVersionRange;
import dev.deploylint.project.Project;
import java.util.Optional;

/**
 * NJ002: the Node.js buildpack resolves engines.node as a semver range and fails with "Invalid
 * Node.js version requirement." when it is not one; an open-ended range may jump to a new major
 * on any build (heroku-buildpack-nodejs, 4f394e95).
 */
public final class NodeEngineInvalid implements Rule {

    @Override
    public String id() {
        return "NJ002";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<Json> node = PackageJson.engine(project, "node").map(Json.Member::value);
        if (node.isEmpty() || !(node.get() instanceof Json.JString value)) {
            return;
        }
        String range = value.value().trim();
        NodeVersionRange.Kind kind = NodeVersionRange.judge(range);
        if (kind == NodeVersionRange.Kind.INVALID && !range.matches("[A-Za-z/*]+")) {
            findings.report(value.at(), "`engines.node` is `\"" + value.value() + "\"`, which is not a semver range, so the"
                    + " Node.js buildpack fails with \"Invalid Node.js version requirement.\"; write a range such as `\"24.x\"`");
        } else if (kind == NodeVersionRange.Kind.WIDE) {
            findings.report(Severity.WARNING, value.at(), "`engines.node` is `\"" + value.value() + "\"`, which has no upper bound,"
                    + " so a build can jump to a new Node.js major version without warning; pin the major, e.g. `\"24.x\"`");
        }
    }
}
