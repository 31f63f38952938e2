package dev.deploylint.rules.staticfiles;

import dev.deploylint.parse.json.Json;
import dev.deploylint.project.IgnoreFile;
import dev.deploylint.project.Project;
import dev.deploylint.project.SourceFile;
import dev.deploylint.project.StructuredFiles;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folders that the build itself creates, so their absence from the repository is expected: the
 * output of a package.json script the Node.js buildpack runs ({@code heroku-prebuild},
 * {@code heroku-postbuild}, or {@code build} when there is no {@code heroku-postbuild}), or the
 * destination of a Dockerfile {@code COPY --from} of a build stage.
 */
final class BuildCreatedFolders {

    private static final List<String> NODE_SCRIPTS = List.of("heroku-postbuild", "build", "heroku-prebuild");
    private static final Pattern COPY_FROM = Pattern.compile("(?i)^\\s*COPY\\s+--from=\\S+\\s+(?:.+\\s)?(\\S+)\\s*$");

    private BuildCreatedFolders() {
    }

    /** What creates {@code folder} (app-relative) during the build, e.g. "package.json's `build` script". */
    static Optional<String> creator(Project project, String folder) {
        return nodeScript(project, folder).map(name -> "package.json's `" + name + "` script")
                .or(() -> dockerCopy(project, folder).map(line -> "the Dockerfile's `COPY --from` (line " + line + ")"));
    }

    /**
     * The script that produces {@code folder}: one that names the folder, or, for a folder that
     * .gitignore keeps out of the repository, the build script the Node.js buildpack runs.
     */
    private static Optional<String> nodeScript(Project project, String folder) {
        if (!(StructuredFiles.validJson(project, "package.json").orElse(null) instanceof Json.JObject manifest)
                || !(manifest.get("scripts").orElse(null) instanceof Json.JObject scripts)) {
            return Optional.empty();
        }
        String lastSegment = folder.substring(folder.lastIndexOf('/') + 1);
        for (String name : NODE_SCRIPTS) {
            if (scripts.get(name).orElse(null) instanceof Json.JString command && !lastSegment.isEmpty()
                    && command.value().contains(lastSegment)) {
                return Optional.of(name);
            }
        }
        boolean ignored = IgnoreFile.of(project, IgnoreFile.GITIGNORE).flatMap(file -> file.firstRemoving(folder + "/x")).isPresent();
        if (!ignored) {
            return Optional.empty();
        }
        String runs = scripts.get("heroku-postbuild").isPresent() ? "heroku-postbuild" : "build";
        return scripts.get(runs).orElse(null) instanceof Json.JString ? Optional.of(runs) : Optional.empty();
    }

    private static Optional<Integer> dockerCopy(Project project, String folder) {
        Optional<SourceFile> dockerfile = project.text("Dockerfile");
        if (dockerfile.isEmpty()) {
            return Optional.empty();
        }
        for (int n = 1; n <= dockerfile.get().lineCount(); n++) {
            Matcher copy = COPY_FROM.matcher(dockerfile.get().line(n));
            if (copy.matches()) {
                String destination = copy.group(1).replaceAll("/+$", "");
                if (destination.equals(folder) || destination.equals("./" + folder) || destination.endsWith("/" + folder)) {
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }
}
