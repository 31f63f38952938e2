package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectTemplate;

/** PF008: a process type defined twice; the last definition wins (heroku/buildpacks-procfile SPEC.md). */
public final class ProcfileDuplicateProcess implements Rule {

    @Override
    public String id() {
        return "PF008";
    }

    @Override
    public void check(Project project, Findings findings) {
        Procfile.of(project).ifPresent(procfile -> {
            // A template's {% if %} ... {% else %} branches define a process once per branch; one survives rendering.
            if (procfile.invalidLines().stream().anyMatch(line -> ProjectTemplate.containsPlaceholder(line.text()))) {
                return;
            }
            for (Procfile.Overridden overridden : procfile.overridden()) {
                Procfile.Process process = overridden.process();
                findings.report(process.nameAt(), "the process type `" + process.name() + "` is defined again on line "
                        + overridden.winner().nameAt().line() + ", and only the last definition is used, so this command never runs;"
                        + " delete one of the two lines");
            }
        });
    }
}
