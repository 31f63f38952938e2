package dev.deploylint.rules.security;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.ConfigVars;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Optional;

/** DJ003: DEBUG is certainly true in production (Django's security.W018). */
public final class DebugEnabled implements Rule {

    @Override
    public String id() {
        return "DJ003";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ModuleEvaluator.Binding> debug = DjangoProject.of(project).definiteSetting("DEBUG");
        if (debug.isEmpty()) {
            return;
        }
        ModuleEvaluator.Binding binding = debug.get();
        if (Boolean.TRUE.equals(Value.truth(binding.value()))) {
            findings.report(binding.at(), "DEBUG is True in " + SecuritySettings.settingsName(DjangoProject.of(project)) + ", so any error page shows your settings,"
                    + " code and environment to visitors; set `DEBUG = False` or read it from a config var that defaults to False",
                    AppFacts.tookEffect(binding));
            return;
        }
        Value.EnvDerived byDefault = Value.envTruth(binding.value());
        if (byDefault == null || !Boolean.TRUE.equals(Value.truth(byDefault.whenUnset())) || ConfigVars.of(project).isSet(byDefault.variable())) {
            return;
        }
        String text = binding.value() instanceof Value.EnvRead env && env.cast() == Value.EnvRead.Cast.TEXT
                ? " (DEBUG holds the variable's text, and any text but an empty one, even `False`, counts as true)" : "";
        findings.report(binding.at(), "DEBUG is True unless config var `" + byDefault.variable() + "` is set to " + byDefault.change() + text
                + ", so while it is unset any error page shows your settings, code and environment to visitors; make the default False"
                + " so a forgotten config var cannot expose debug pages", AppFacts.tookEffect(binding));
    }
}
