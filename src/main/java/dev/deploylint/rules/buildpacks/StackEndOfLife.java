package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.json.Json;
import dev.deploylint.project.Project;
import dev.deploylint.project.StructuredFiles;
import dev.deploylint.rules.data.PythonVersionTable;
import java.util.Optional;

/**
 * HK003: the classic Python buildpack rejects end-of-life and unknown stacks (lib/checks.sh, v351).
 * The {@code container} stack builds from heroku.yml without buildpacks, so it is never judged.
 */
public final class StackEndOfLife implements Rule {

    @Override
    public String id() {
        return "HK003";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (!(StructuredFiles.validJson(project, "app.json").orElse(null) instanceof Json.JObject app)
                || !(app.get("stack").orElse(null) instanceof Json.JString stack) || stack.value().equals("container")) {
            return;
        }
        PythonVersionTable table = PythonVersionTable.get();
        String current = table.defaultStack();
        Optional<PythonVersionTable.Stack> known = table.stack(stack.value());
        if (known.isEmpty()) {
            findings.report(stack.at(), "app.json stack `" + stack.value() + "` is not a stack the Python buildpack knows"
                    + " (" + String.join(", ", table.supportedStacks()) + "), so the build fails; use `" + current + "`");
        } else if (known.get().status().equals("end-of-life")) {
            findings.report(stack.at(), "app.json stack `" + stack.value() + "` has reached end-of-life and the Python buildpack"
                    + " rejects it with \"The '" + stack.value() + "' stack is no longer supported.\"; use `" + current + "`");
        } else if (known.get().status().equals("deprecated")) {
            String until = known.get().endOfLife() == null ? "soon" : "on " + known.get().endOfLife();
            findings.report(Severity.WARNING, stack.at(), "app.json stack `" + stack.value() + "` is deprecated and reaches"
                    + " end-of-life " + until + ", after which builds fail; use `" + current + "`");
        }
    }
}
