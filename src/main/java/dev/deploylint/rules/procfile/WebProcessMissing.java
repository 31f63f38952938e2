package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Optional;
import java.util.stream.Collectors;

/** PF004: a Procfile without a web process in a web app. */
public final class WebProcessMissing implements Rule {

    @Override
    public String id() {
        return "PF004";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<Procfile> found = Procfile.of(project);
        if (found.isEmpty() || found.get().process("web").isPresent() || !AppFacts.isPythonWebApp(project)) {
            return;
        }
        Procfile procfile = found.get();
        boolean brokenWebLine = procfile.invalidLines().stream().anyMatch(line -> line.text().strip().startsWith("web"));
        if (brokenWebLine) {
            return;
        }
        String others = procfile.processes().stream().map(p -> "`" + p.name() + "`").distinct().collect(Collectors.joining(", "));
        String has = others.isEmpty() ? "it defines no process at all" : "it defines only " + others;
        findings.report(procfile.processes().isEmpty() ? procfile.file().start() : procfile.processes().get(0).nameAt(),
                "the Procfile has no `web` process (" + has + "), so no dyno receives HTTP traffic (H14);"
                        + " add `web: gunicorn " + AppFacts.suggestedWsgiModule(project) + "`");
    }
}
