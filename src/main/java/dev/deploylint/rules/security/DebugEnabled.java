package dev.deploylint.rules.security;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Optional;
import java.util.Set;

/** DJ003: DEBUG is certainly true in production (Django's security.W018). */
public final class DebugEnabled implements Rule {

    private static final Set<String> TRUE_WORDS = Set.of("true", "True", "TRUE", "1", "yes", "on");

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
        if (binding.value() instanceof Value.EnvRead env && defaultsToTrue(env.fallback())) {
            findings.report(Severity.NOTE, binding.at(), "DEBUG is True unless config var `" + env.name() + "` is set to false;"
                    + " make the default False so a forgotten config var cannot expose debug pages", AppFacts.tookEffect(binding));
        }
    }

    private static boolean defaultsToTrue(Value fallback) {
        return fallback instanceof Value.Bool b && b.value() || fallback instanceof Value.Str s && TRUE_WORDS.contains(s.value());
    }
}
