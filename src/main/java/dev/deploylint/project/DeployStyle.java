package dev.deploylint.project;

import dev.deploylint.parse.json.Json;
import dev.deploylint.source.Location;
import java.util.Locale;
import java.util.Optional;

/**
 * How Heroku builds and runs the app: by buildpacks (Procfile, runtime.txt/.python-version, the
 * Python buildpack's package-manager detection) or as a container built from a Dockerfile. An app
 * is a container app when a file says so ({@code heroku.yml} with a {@code build.docker} section,
 * or app.json's {@code "stack": "container"}), or when its root Dockerfile starts the app and
 * there is neither a Procfile nor a heroku.yml: a buildpack build of it would have no web process,
 * while {@code heroku container:push} runs the Dockerfile's command. Every other app is a buildpack
 * app. {@code reason} and {@code at} name the deciding file (empty for the buildpack default).
 */
public record DeployStyle(Kind kind, String reason, Optional<Location> at) {

    /** The two ways Heroku builds an app. */
    public enum Kind {
        BUILDPACK, CONTAINER;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The Dockerfile a container is built from when heroku.yml names none for {@code web}. */
    public static final String DEFAULT_DOCKERFILE = "Dockerfile";

    public static DeployStyle of(Project project) {
        return project.view(DeployStyle.class, DeployStyle::decide);
    }

    private static DeployStyle decide(Project project) {
        Optional<Location> buildDocker = HerokuYml.of(project).flatMap(HerokuYml::buildDocker);
        if (buildDocker.isPresent()) {
            return new DeployStyle(Kind.CONTAINER, "heroku.yml build.docker", buildDocker);
        }
        Optional<Json> stack = StructuredFiles.validJson(project, "app.json")
                .filter(app -> app instanceof Json.JObject)
                .flatMap(app -> ((Json.JObject) app).get("stack"))
                .filter(value -> value instanceof Json.JString s && s.value().equals("container"));
        if (stack.isPresent()) {
            return new DeployStyle(Kind.CONTAINER, "app.json stack container", Optional.of(stack.get().at()));
        }
        if (project.text(Procfile.PATH).isEmpty() && project.text(HerokuYml.PATH).isEmpty()) {
            Optional<Dockerfile.Command> command = Dockerfile.of(project, DEFAULT_DOCKERFILE).flatMap(Dockerfile::command);
            if (command.isPresent()) {
                return new DeployStyle(Kind.CONTAINER, CONTAINER_PUSH, Optional.of(command.get().at()));
            }
        }
        return new DeployStyle(Kind.BUILDPACK, "", Optional.empty());
    }

    private static final String CONTAINER_PUSH = "the Dockerfile starts the app and there is no Procfile: `heroku container:push`";

    public boolean isContainer() {
        return kind == Kind.CONTAINER;
    }

    /**
     * True for a container app that no file declares as one: a Dockerfile that starts the app,
     * with no Procfile and no heroku.yml, read as a {@code heroku container:push} deploy.
     */
    public boolean isAssumedContainer() {
        return isContainer() && reason.equals(CONTAINER_PUSH);
    }

    /** {@code container (heroku.yml build.docker, heroku.yml:2:3)} or {@code buildpack}. */
    public String describe() {
        if (reason.isEmpty()) {
            return kind.label();
        }
        return kind.label() + " (" + reason + at.map(location -> ", " + location).orElse("") + ")";
    }

    /**
     * The Dockerfile a container app's web image is built from: the one heroku.yml names for
     * {@code web}, else the root {@code Dockerfile}. Empty for a buildpack app or when that file is missing.
     */
    public static Optional<Dockerfile> dockerfile(Project project) {
        if (!of(project).isContainer()) {
            return Optional.empty();
        }
        String path = HerokuYml.of(project).stream().flatMap(yml -> yml.images().stream())
                .filter(image -> image.process().equals("web"))
                .map(image -> image.dockerfile().startsWith("./") ? image.dockerfile().substring(2) : image.dockerfile())
                .findFirst().orElse(DEFAULT_DOCKERFILE);
        return Dockerfile.of(project, path);
    }

    /**
     * The Python the app runs on as a file declares it: for a buildpack app the version files the
     * buildpack reads, for a container app the {@code FROM python:<version>} of its Dockerfile
     * (empty when the image is not the official Python one or its tag names no minor version).
     */
    public static Optional<PythonVersionFiles.Declared> declaredPython(Project project) {
        if (of(project).isContainer()) {
            return dockerfile(project).flatMap(Dockerfile::python);
        }
        return PythonVersionFiles.of(project).requested();
    }

    /** A container's web command as written, and where. */
    public record WebCommand(String command, Location at) {
    }

    /**
     * The command a container app's web dyno runs: heroku.yml's {@code run.web}, else the
     * Dockerfile's {@code CMD} (or {@code ENTRYPOINT}). Empty for a buildpack app, whose web
     * command is the Procfile's.
     */
    public static Optional<WebCommand> webCommand(Project project) {
        if (!of(project).isContainer()) {
            return Optional.empty();
        }
        Optional<WebCommand> run = HerokuYml.of(project).flatMap(yml -> yml.runCommand("web"))
                .map(command -> new WebCommand(command.command(), command.at()));
        return run.or(() -> dockerfile(project).flatMap(Dockerfile::command)
                .map(command -> new WebCommand(command.text(), command.at())));
    }
}
