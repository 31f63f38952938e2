package dev.deploylint.rules.config;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectTemplate;

/**
 * DL005: the app is a project template whose placeholders are filled in when a project is made
 * from it. Said once per app; the rules that would judge a placeholder stay silent about it.
 */
public final class UnrenderedProjectTemplate implements Rule {

    @Override
    public String id() {
        return "DL005";
    }

    @Override
    public void check(Project project, Findings findings) {
        ProjectTemplate.of(project).firstPlaceholder().ifPresent(at -> findings.report(at,
                "this looks like a project template (a `startproject --template` or cookiecutter placeholder): values holding"
                        + " placeholders are not judged; lint a project rendered from it to check those too"));
    }
}
