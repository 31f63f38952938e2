package dev.deploylint.project;

import java.util.List;
import java.util.Optional;

/**
 * The package-manager files at the app root, as the Heroku Python buildpack looks for them
 * (lib/package_manager.sh, v351): exactly one of requirements.txt, Pipfile.lock, poetry.lock and
 * uv.lock must exist, and a Pipfile needs its lock.
 */
public record PackageManagers(List<String> managerFiles, boolean pipfile, boolean pyproject, boolean setupPy,
                              List<String> misspelledRequirements) {

    /** Manager files in the order the buildpack names them, with the manager each selects. */
    public static final List<String> MANAGER_FILES = List.of("Pipfile.lock", "requirements.txt", "poetry.lock", "uv.lock");

    /** Names the buildpack detects as a Python app but then cannot install from. */
    public static final List<String> MISSPELLED_REQUIREMENTS = List.of(
            "requirement.txt", "requirments.txt", "requeriments.txt", "requirements.text",
            "Requirements.txt", "requirements.txt.txt", "requirements");

    public static PackageManagers of(Project project) {
        return project.view(PackageManagers.class, p -> {
            FileTree files = p.files();
            return new PackageManagers(
                    MANAGER_FILES.stream().filter(files::isFile).toList(),
                    files.isFile("Pipfile"),
                    files.isFile("pyproject.toml"),
                    files.isFile("setup.py"),
                    MISSPELLED_REQUIREMENTS.stream().filter(files::exists).toList());
        });
    }

    /** The manager the build will use when exactly one manager file exists. */
    public Optional<String> manager() {
        if (managerFiles.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(switch (managerFiles.get(0)) {
            case "Pipfile.lock" -> "pipenv";
            case "requirements.txt" -> "pip";
            case "poetry.lock" -> "poetry";
            default -> "uv";
        });
    }

    /** True when uv is the app's one package manager (with several, the build fails before choosing). */
    public boolean usesUv() {
        return manager().filter("uv"::equals).isPresent();
    }
}
