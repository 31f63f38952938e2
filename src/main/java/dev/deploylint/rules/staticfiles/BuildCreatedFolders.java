package dev.deploylint.rules.staticfiles;

import dev.deploylint.parse.json.Json;
import dev.deploylint.project.IgnoreFile;
import dev.deploylint.project.Project;
import dev.deploylint.project.StructuredFiles;
import dev.deploylint.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folders that the build itself creates, so their absence from the repository is expected: the
 * output of a package.json script the Node.js buildpack runs ({@code heroku-prebuild},
 * {@code heroku-postbuild}, or {@code build} when there is no {@code heroku-postbuild}, and
 * {@code postinstall}, which npm runs during the install), or the destination of a Dockerfile
 * {@code COPY --from} of a build stage. A script names the folder, or runs a bundler whose default
 * output folder it is ({@code react-scripts build} writes {@code build/}, Vite, Angular and Parcel
 * write {@code dist/}).
 */
final class BuildCreatedFolders {

    private static final List<String> NODE_SCRIPTS = List.of("heroku-postbuild", "build", "heroku-prebuild", "postinstall");
    private static final java.util.Map<String, String> BUNDLER_OUTPUT = java.util.Map.of(
            "react-scripts build", "build", "vite build", "dist", "ng build", "dist", "parcel build", "dist");
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
        String firstSegment = folder.contains("/") ? folder.substring(0, folder.indexOf('/')) : folder;
        for (String name : NODE_SCRIPTS) {
            if (scripts.get(name).orElse(null) instanceof Json.JString command && !lastSegment.isEmpty()
                    && (command.value().contains(lastSegment) || bundlerWrites(scripts, command.value(), firstSegment))) {
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

    /** True when {@code command} runs a bundler (directly or as {@code npm run X}) whose default output is {@code folder}. */
    private static boolean bundlerWrites(Json.JObject scripts, String command, String folder) {
        for (var bundler : BUNDLER_OUTPUT.entrySet()) {
            if (bundler.getValue().equals(folder) && command.contains(bundler.getKey())) {
                return true;
            }
        }
        Matcher run = Pattern.compile("\\b(?:npm|yarn|pnpm)\\s+(?:run\\s+)?([\\w:-]+)").matcher(command);
        while (run.find()) {
            if (!run.group(1).equals("install") && scripts.get(run.group(1)).orElse(null) instanceof Json.JString inner
                    && !inner.value().equals(command) && BUNDLER_OUTPUT.entrySet().stream()
                            .anyMatch(b -> b.getValue().equals(folder) && inner.value().contains(b.getKey()))) {
                return true;
            }
        }
        return false;
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
