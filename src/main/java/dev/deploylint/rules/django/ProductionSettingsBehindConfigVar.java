package dev.deploylint.rules.django;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.ConfigVars;
import dev.deploylint.project.DjangoConfigurations;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DJ021: the settings switch to their production values only when a config var is set
 * ({@code if os.environ.get("ON_HEROKU"):}), and nothing in the app declares that variable. A note:
 * the Heroku app may set it, deploylint cannot see its config vars.
 */
public final class ProductionSettingsBehindConfigVar implements Rule {

    /** Words in a variable's name or tested value that say the branch is the production one. */
    private static final List<String> PRODUCTION_WORDS = List.of("HEROKU", "PROD", "LIVE", "DEPLOY");

    @Override
    public String id() {
        return "DJ021";
    }

    @Override
    public void check(Project project, Findings findings) {
        ConfigVars configVars = ConfigVars.of(project);
        checkConfigurationClass(project, configVars, findings);
        Optional<ModuleEvaluator.Evaluation> settings = DjangoProject.of(project).settings();
        if (settings.isEmpty()) {
            return;
        }
        Set<String> reported = new HashSet<>();
        for (ModuleEvaluator.EnvSwitch branch : settings.get().environmentSwitches()) {
            if (branch.conditional() || configVars.isSet(branch.variable()) || !isProduction(branch) || !reported.add(branch.variable())) {
                continue;
            }
            findings.report(branch.at(), "this `if` turns the production values on only when config var `" + branch.variable()
                    + "` is set to " + branch.change() + ", and nothing in the app declares it (app.json `env`, heroku.yml, the web"
                    + " command, a Dockerfile `ENV`); set it with `heroku config:set " + branch.variable() + "=" + example(branch.change())
                    + "` or declare it in app.json `env`");
        }
    }

    /**
     * django-configurations: wsgi.py defaults DJANGO_CONFIGURATION to a development class while the
     * settings offer a production one, and nothing declares the variable.
     */
    private static void checkConfigurationClass(Project project, ConfigVars configVars, Findings findings) {
        DjangoConfigurations configurations = DjangoConfigurations.of(project);
        Optional<DjangoConfigurations.Default> fallback = configurations.defaultClass();
        if (fallback.isEmpty() || isProductionName(fallback.get().className()) || configVars.isSet("DJANGO_CONFIGURATION")) {
            return;
        }
        configurations.classes().stream().filter(ProductionSettingsBehindConfigVar::isProductionName).findFirst().ifPresent(production ->
                findings.report(fallback.get().at(), "the processes load the django-configurations class `" + fallback.get().className()
                        + "` unless config var `DJANGO_CONFIGURATION` is set, and nothing in the app declares it (app.json `env`,"
                        + " heroku.yml, the web command, a Dockerfile `ENV`); set it with `heroku config:set DJANGO_CONFIGURATION="
                        + production + "` or declare it in app.json `env`"));
    }

    private static boolean isProductionName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return PRODUCTION_WORDS.stream().anyMatch(upper::contains);
    }

    /**
     * The block the variable selects turns DEBUG off, the block taken while it is unset turns DEBUG on,
     * or the variable's name or tested value says production and the selected block sets something.
     */
    private static boolean isProduction(ModuleEvaluator.EnvSwitch branch) {
        Boolean debugWhenSet = truth(branch.whenChanged(), "DEBUG");
        Boolean debugWhenUnset = truth(branch.whenUnset(), "DEBUG");
        if (Boolean.FALSE.equals(debugWhenSet) || Boolean.TRUE.equals(debugWhenUnset) && !Boolean.TRUE.equals(debugWhenSet)) {
            return true;
        }
        String words = (branch.variable() + " " + branch.change()).toUpperCase(Locale.ROOT);
        return !branch.whenChanged().isEmpty() && PRODUCTION_WORDS.stream().anyMatch(words::contains)
                && !Boolean.TRUE.equals(debugWhenSet);
    }

    private static Boolean truth(Map<String, Value> assigned, String name) {
        Value value = assigned.get(name);
        return value == null ? null : Value.truth(value);
    }

    /** A value to set, from the change's wording: its first quoted value, 1 for "any value", else a placeholder. */
    private static String example(String change) {
        if (change.startsWith("`")) {
            return change.substring(1, change.indexOf('`', 1));
        }
        if (change.startsWith("one of `")) {
            return change.substring(8, change.indexOf('`', 8));
        }
        return change.equals("any value") || change.equals("any non-empty value") ? "1" : "...";
    }
}
