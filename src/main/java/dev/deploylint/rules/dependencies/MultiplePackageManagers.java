package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.PackageManagers;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;
import java.util.List;
import java.util.stream.Collectors;

/** RQ003: more than one package-manager file; an error since buildpack v325 (2025-12-10). */
public final class MultiplePackageManagers implements Rule {

    @Override
    public String id() {
        return "RQ003";
    }

    @Override
    public void check(Project project, Findings findings) {
        List<String> files = PackageManagers.of(project).managerFiles();
        if (files.size() < 2) {
            return;
        }
        String names = files.stream().map(f -> "`" + f + "`").collect(Collectors.joining(", "));
        findings.report(Location.startOf(files.get(1)), "the app has " + files.size() + " package manager files (" + names
                + ") and Heroku fails the build with 'Multiple Python package manager files were found.'; keep the one you use and delete the others");
    }
}
