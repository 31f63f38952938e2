package dev.deploylint.rules.config;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectViews;
import dev.deploylint.project.PythonSources;

/** DL003: a syntax error in a Python module deploylint read; at most a few per file. */
public final class PythonSyntaxError implements Rule {

    private static final int MAX_PER_FILE = 5;

    @Override
    public String id() {
        return "DL003";
    }

    @Override
    public void check(Project project, Findings findings) {
        ProjectViews.loadAll(project);
        for (PythonModule module : PythonSources.of(project).parsed()) {
            module.problems().stream().limit(MAX_PER_FILE).forEach(problem -> findings.report(problem.location(),
                    "`" + module.path() + "` has a syntax error (" + problem.message() + "), so Python cannot import it;"
                            + " fix it (deploylint checked the statements it could read)"));
        }
    }
}
