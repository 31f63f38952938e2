package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.IgnoreFile;
import dev.deploylint.project.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** HK004: .slugignore removes its matches after the push and before any buildpack runs (Dev Center, slug compiler). */
public final class SlugignoreRemovesRequiredFile implements Rule {

    /** Root files the Python and Node.js buildpacks or the dyno manager read. */
    private static final List<String> REQUIRED = List.of("requirements.txt", "Pipfile.lock", "poetry.lock", "uv.lock",
            "pyproject.toml", ".python-version", "runtime.txt", "Procfile", "manage.py", "package.json");

    @Override
    public String id() {
        return "HK004";
    }

    @Override
    public void check(Project project, Findings findings) {
        IgnoreFile.of(project, IgnoreFile.SLUGIGNORE).ifPresent(slugignore -> {
            Map<IgnoreFile.Pattern, List<String>> removed = new LinkedHashMap<>();
            for (String file : REQUIRED) {
                if (project.files().isFile(file)) {
                    slugignore.firstRemoving(file).ifPresent(p -> removed.computeIfAbsent(p, k -> new ArrayList<>()).add(file));
                }
            }
            removed.forEach((pattern, files) -> {
                String names = files.stream().map(f -> "`" + f + "`").collect(Collectors.joining(", "));
                findings.report(pattern.at(), "`.slugignore` pattern `" + pattern.text() + "` removes " + names
                        + " before the build, so the buildpacks cannot see " + (files.size() == 1 ? "it" : "them")
                        + "; remove the pattern or make it match only what the slug does not need");
            });
        });
    }
}
