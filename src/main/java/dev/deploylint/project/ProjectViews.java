package dev.deploylint.project;

/** Loads every view of a project, so that problems met while reading files are all known. */
public final class ProjectViews {

    private ProjectViews() {
    }

    public static void loadAll(Project project) {
        Procfile.of(project);
        PackageManagers.of(project);
        Requirements.of(project);
        StructuredFiles.JSON_FILES.forEach(path -> StructuredFiles.json(project, path));
        StructuredFiles.TOML_FILES.forEach(path -> StructuredFiles.toml(project, path));
        Dependencies.of(project);
        PythonVersionFiles.of(project);
        BuildpackList.of(project);
        HerokuYml.of(project);
        DeployStyle.dockerfile(project);
        AppCommands.of(project);
        IgnoreFile.of(project, IgnoreFile.SLUGIGNORE);
        IgnoreFile.of(project, IgnoreFile.GITIGNORE);
        DjangoProject.of(project);
        project.files().filesNamed("wsgi.py").forEach(path -> PythonSources.of(project).module(path));
    }
}
