package dev.deploylint.rules.django;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Dependency;
import dev.deploylint.project.PackageManagers;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.data.ImportNames;
import java.util.HashSet;
import java.util.Set;

/**
 * DJ026: the settings name a module of a known package (rules/data/import-names.yaml) that no
 * dependency installs: `rest_framework` without djangorestframework.
 */
public final class SettingsPackageNotInstalled implements Rule {

    @Override
    public String id() {
        return "DJ026";
    }

    @Override
    public void check(Project project, Findings findings) {
        Set<String> reported = new HashSet<>();
        for (SettingsImportPaths.Entry entry : SettingsImportPaths.entries(project)) {
            if (SettingsImportPaths.verdict(project, entry) != SettingsImportPaths.Verdict.NOT_INSTALLED
                    || SettingsImportPaths.missingComma(project, entry).isPresent() || !reported.add(entry.top())) {
                continue;
            }
            String distribution = ImportNames.get().providers(entry.top()).orElseThrow().distributions().get(0);
            findings.report(SettingsImportPaths.severity(project, entry), entry.at(), entry.setting() + " names `" + entry.path() + "`, but no dependency installs `" + entry.top()
                    + "`" + (distribution.equals(Dependency.normalize(entry.top())) ? "" : " (it comes from " + distribution + ")") + ", so " + SettingsImportPaths.consequence(project, entry) + "; add `"
                    + distribution + "` to " + dependencyFile(project), AppFacts.tookEffect(entry.binding()));
        }
    }

    /** The file a user declares dependencies in, for the package manager the build uses. */
    private static String dependencyFile(Project project) {
        return PackageManagers.of(project).manager().map(manager -> switch (manager) {
            case "pipenv" -> "the Pipfile (and lock it)";
            case "poetry", "uv" -> "pyproject.toml (and lock it)";
            default -> "requirements.txt";
        }).orElse("the app's dependencies");
    }
}
