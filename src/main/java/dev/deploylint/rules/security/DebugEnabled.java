package dev.deploylint.rules.security;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.source.SourceFile;
import dev.deploylint.rules.PythonEdits;
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
                    configVarRead(project, binding), AppFacts.tookEffect(binding));
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
}
