package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;
import java.util.List;

/** RQ005: Poetry and uv install from the lock and pyproject.toml together (lib/poetry.sh, lib/uv.sh, v351). */
public final class LockWithoutProjectFile implements Rule {

    private static final List<String> LOCKS = List.of("poetry.lock", "uv.lock");

    @Override
    public String id() {
        return "RQ005";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (project.files().exists("pyproject.toml")) {
            return;
        }
        for (String lock : LOCKS) {
            if (project.files().isFile(lock)) {
                String tool = lock.equals("uv.lock") ? "uv sync" : "poetry sync";
                findings.report(Location.startOf(lock), "`" + lock + "` has no `pyproject.toml` beside it, so `" + tool
                        + "` cannot install the app and the build fails; commit the `pyproject.toml` the lock was made from");
            }
        }
    }
}
