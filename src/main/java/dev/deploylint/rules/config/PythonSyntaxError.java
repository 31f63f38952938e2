package dev.deploylint.rules.config;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectViews;
import dev.deploylint.project.PythonSources;

/** DL003: the first syntax error of a Python module deploylint read, as Python itself reports only the first. */
public final class PythonSyntaxError implements Rule {

    @Override
    public String id() {
        return "DL003";
    }

    @Override
    public void check(Project project, Findings findings) {
        ProjectViews.loadAll(project);
        for (PythonModule module : PythonSources.of(project).parsed()) {
            module.problems().stream().findFirst().ifPresent(problem -> findings.report(problem.location(),
                    "`" + module.path() + "` has a syntax error (" + problem.message() + "), so Python cannot import it;"
                            + " fix it (deploylint checked the statements it could read)"));
        }
    }
}
