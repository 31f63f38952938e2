package dev.deploylint.rules.security;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.project.SourceFile;
import dev.deploylint.rules.PythonEdits;
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
                    configVarRead(project, binding), AppFacts.tookEffect(binding));
            return;
        }
        if (binding.value() instanceof Value.EnvRead env && defaultsToTrue(env.fallback())) {
            findings.report(Severity.NOTE, binding.at(), "DEBUG is True unless config var `" + env.name() + "` is set to false;"
                    + " make the default False so a forgotten config var cannot expose debug pages", AppFacts.tookEffect(binding));
        }
    }

    /**
     * A literal {@code DEBUG = True} at the top level of its module becomes a read of config var
     * {@code DEBUG} that is true only when it says {@code True}; {@code import os} is added before it
     * when the module has not imported os earlier.
     */
    private static Fix configVarRead(Project project, ModuleEvaluator.Binding binding) {
        return PythonEdits.statement(project, binding).filter(statement -> statement.indent().isEmpty()).map(statement -> {
            SourceFile file = statement.file();
            java.util.regex.Matcher literal = LITERAL_TRUE.matcher(file.line(binding.at().line()));
            if (!literal.matches()) {
                return null;
            }
            int value = statement.start() + literal.start(1);
            Fix.Builder fix = Fix.builder("DEBUG now reads config var DEBUG and is False unless it is `True`");
            boolean osImported = DjangoProject.of(project).definiteSetting("os")
                    .filter(os -> os.value() instanceof Value.Ref ref && ref.qualifiedName().equals("os"))
                    .filter(os -> os.at().path().equals(binding.at().path()) && os.at().line() < binding.at().line()).isPresent();
            if (!osImported) {
                statement.insertBefore(fix, "import os");
            }
            return fix.replace(file, value, value + "True".length(), "os.environ.get(" + PythonEdits.literal(file, "DEBUG") + ", "
                    + PythonEdits.literal(file, "False") + ") == " + PythonEdits.literal(file, "True")).build();
        }).orElse(null);
    }

    private static final java.util.regex.Pattern LITERAL_TRUE = java.util.regex.Pattern.compile("DEBUG\\s*=\\s*(True)\\s*(#.*)?");

    private static boolean defaultsToTrue(Value fallback) {
        return fallback instanceof Value.Bool b && b.value() || fallback instanceof Value.Str s && TRUE_WORDS.contains(s.value());
    }
}
