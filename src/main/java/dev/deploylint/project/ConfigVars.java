package dev.deploylint.project;

import dev.deploylint.parse.json.Json;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The config vars an app's own files declare for production, by name: {@code --env NAME=VALUE},
 * app.json's {@code env}, heroku.yml's {@code setup.config} and {@code build.config}, the web
 * command's {@code NAME=value} prefixes (Procfile, or heroku.yml {@code run}'s image for containers),
 * a container app's Dockerfile {@code ENV}; plus the variables the platform sets on every dyno.
 * Values are not kept: deploylint never needs them here and must not echo secrets.
 */
public final class ConfigVars {

    /** Set by Heroku (or an attached Postgres add-on) on every dyno, or by the runtime-dyno-metadata feature. */
    private static final Set<String> PLATFORM_SET = Set.of("PORT", "DYNO", "DATABASE_URL", "HEROKU_APP_NAME", "HEROKU_APP_ID",
            "HEROKU_RELEASE_VERSION", "HEROKU_SLUG_COMMIT", "HEROKU_DYNO_ID", "HEROKU_RELEASE_CREATED_AT", "HEROKU_SLUG_DESCRIPTION");

    private final Set<String> declared;

    private ConfigVars(Project project) {
        Set<String> names = new TreeSet<>(project.environment().keySet());
        StructuredFiles.validJson(project, "app.json")
                .flatMap(root -> root instanceof Json.JObject o ? o.get("env") : Optional.empty())
                .filter(env -> env instanceof Json.JObject)
                .ifPresent(env -> names.addAll(((Json.JObject) env).members().keySet()));
        project.text(HerokuYml.PATH).ifPresent(file -> HerokuYml.configVars(file).forEach(var -> names.add(var.name())));
        Procfile.of(project).flatMap(procfile -> procfile.process("web"))
                .ifPresent(web -> web.parsed().invocations().forEach(invocation -> names.addAll(invocation.env().keySet())));
        DeployStyle.dockerfile(project).ifPresent(dockerfile -> dockerfile.stages().forEach(stage ->
                stage.env().forEach(env -> names.add(env.name()))));
        this.declared = names;
    }

    public static ConfigVars of(Project project) {
        return project.view(ConfigVars.class, ConfigVars::new);
    }

    /** True when the app's files declare {@code name}, or Heroku sets it on every dyno. */
    public boolean isSet(String name) {
        return declared.contains(name) || PLATFORM_SET.contains(name) || name.startsWith("HEROKU_POSTGRESQL_");
    }
}
