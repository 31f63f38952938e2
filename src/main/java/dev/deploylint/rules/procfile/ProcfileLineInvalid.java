package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectTemplate;

/** PF003: a Procfile line that is not {@code name: command}. */
public final class ProcfileLineInvalid implements Rule {

    @Override
    public String id() {
        return "PF003";
    }

    @Override
    public void check(Project project, Findings findings) {
        Procfile.of(project).ifPresent(procfile -> procfile.invalidLines().stream()
                .filter(line -> !ProjectTemplate.containsPlaceholder(line.text()))
                .forEach(line -> findings.report(line.location(), "this Procfile line does not parse: " + line.reason())));
    }
}
