package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.json.Json;
import dev.deploylint.project.Project;
import dev.deploylint.project.StructuredFiles;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * HK001: app.json against Heroku's app.json schema (Dev Center app-json-schema; the draft-07 schema in
 * heroku/heroku-mcp-server). Only constraints both agree on are errors; an unknown top-level key,
 * which the Dev Center text does not forbid, is a warning.
 */
public final class AppJsonInvalid implements Rule {

    private static final List<String> TOP_LEVEL = List.of("name", "description", "keywords", "website", "repository", "logo",
            "success_url", "scripts", "env", "formation", "image", "addons", "buildpacks", "environments", "stack");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern NON_NEGATIVE_INTEGER = Pattern.compile("0|[1-9][0-9]*");

    @Override
    public String id() {
        return "HK001";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (!(StructuredFiles.validJson(project, "app.json").orElse(null) instanceof Json.JObject app)) {
            return;
        }
        for (Json.Member member : app.members().values()) {
            if (!TOP_LEVEL.contains(member.key())) {
                findings.report(Severity.WARNING, member.keyAt(), "`" + member.key() + "` is not an app.json key, so Heroku"
                        + " ignores it or rejects the app setup; remove it or fix its spelling");
            }
        }
        if (app.get("buildpacks").orElse(null) instanceof Json.JArray buildpacks) {
            for (Json item : buildpacks.items()) {
                if (!(item instanceof Json.JObject object) || object.get("url").filter(u -> u instanceof Json.JString).isEmpty()) {
                    findings.report(item.at(), "this app.json buildpack has no `url` string, so creating the app from app.json"
                            + " fails; write it as `{ \"url\": \"heroku/python\" }`");
                }
            }
        }
        if (app.get("env").orElse(null) instanceof Json.JObject env) {
            for (Json.Member variable : env.members().values()) {
                if (!ENV_NAME.matcher(variable.key()).matches()) {
                    findings.report(variable.keyAt(), "config var `" + variable.key() + "` in app.json `env` is not upper case"
                            + " letters, digits and `_` starting with a letter, so the app setup rejects it; rename it");
                }
                if (variable.value() instanceof Json.JObject spec && spec.get("generator").isPresent()) {
                    Json generator = spec.get("generator").get();
                    if (!generator.asString().orElse("").equals("secret")) {
                        findings.report(generator.at(), "the only app.json `generator` is `\"secret\"`, so the setup of `"
                                + variable.key() + "` fails; use `\"generator\": \"secret\"` or set a `value`");
                    }
                }
            }
        }
        if (app.get("formation").orElse(null) instanceof Json.JObject formation) {
            for (Map.Entry<String, Json.Member> process : formation.members().entrySet()) {
                checkQuantity(process.getValue(), findings);
            }
        }
    }

    private static void checkQuantity(Json.Member process, Findings findings) {
        if (!(process.value() instanceof Json.JObject spec)) {
            findings.report(process.value().at(), "app.json formation `" + process.key() + "` is not an object, so the app setup"
                    + " fails; write it as `{ \"quantity\": 1 }`");
            return;
        }
        Json quantity = spec.get("quantity").orElse(null);
        if (quantity == null) {
            findings.report(process.keyAt(), "app.json formation `" + process.key() + "` has no `quantity`, so the app setup"
                    + " fails; add `\"quantity\": 1`");
        } else if (!(quantity instanceof Json.JNumber number) || !NON_NEGATIVE_INTEGER.matcher(number.text()).matches()) {
            findings.report(quantity.at(), "app.json formation `" + process.key() + "` has a `quantity` that is not a whole number"
                    + " of 0 or more, so the app setup fails; use a number such as `1`");
        }
    }
}
