package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.json.Json;
import dev.deploylint.project.Project;
import dev.deploylint.project.StructuredFiles;
import java.util.List;
import java.util.Locale;

/** HK002: free and hobby dynos and the hobby-dev/hobby-basic add-on plans were retired on 2022-11-28. */
public final class RetiredDynoOrPlan implements Rule {

    private static final List<String> RETIRED_SIZES = List.of("free", "hobby");
    private static final List<String> RETIRED_PLANS = List.of("hobby-dev", "hobby-basic");

    @Override
    public String id() {
        return "HK002";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (!(StructuredFiles.validJson(project, "app.json").orElse(null) instanceof Json.JObject app)) {
            return;
        }
        if (app.get("formation").orElse(null) instanceof Json.JObject formation) {
            for (Json.Member process : formation.members().values()) {
                if (process.value() instanceof Json.JObject spec && spec.get("size").orElse(null) instanceof Json.JString size
                        && RETIRED_SIZES.contains(size.value().toLowerCase(Locale.ROOT))) {
                    findings.report(size.at(), "dyno size `" + size.value() + "` of app.json formation `" + process.key()
                            + "` was retired in November 2022, so the app setup fails; use `eco` or `basic`");
                }
            }
        }
        if (app.get("addons").orElse(null) instanceof Json.JArray addons) {
            for (Json addon : addons.items()) {
                Json plan = addon instanceof Json.JObject object ? object.get("plan").orElse(null) : addon;
                if (plan instanceof Json.JString text && text.value().contains(":")) {
                    String tier = text.value().substring(text.value().indexOf(':') + 1).toLowerCase(Locale.ROOT);
                    if (RETIRED_PLANS.contains(tier)) {
                        findings.report(plan.at(), "add-on plan `" + text.value() + "` was retired in November 2022, so the app setup"
                                + " fails; pick a current plan of the add-on (`heroku addons:plans "
                                + text.value().substring(0, text.value().indexOf(':')) + "` lists them)");
                    }
                }
            }
        }
    }
}
