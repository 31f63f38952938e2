package dev.deploylint.rules.security;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.DotEnvFile;
import dev.deploylint.project.Project;
import dev.deploylint.project.RuntimeEnvFiles;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * DJ023: a committed .env file that the settings load at runtime gives production its SECRET_KEY
 * or turns DEBUG on, because the libraries keep only config vars that are already set.
 */
public final class EnvFileCommitted implements Rule {

    /**
     * Strings the settings' libraries read as true: django-environ's Env.BOOLEAN_TRUE_STRINGS, decouple's
     * strtobool and environs' (marshmallow's) Boolean.truthy, lower-cased.
     */
    private static final Set<String> TRUE_STRINGS = Set.of("true", "on", "ok", "y", "yes", "1", "t");

    @Override
    public String id() {
        return "DJ023";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ModuleEvaluator.Evaluation> settings = django.settings();
        RuntimeEnvFiles envFiles = RuntimeEnvFiles.of(project);
        if (settings.isEmpty() || envFiles.committed().isEmpty()) {
            return;
        }
        Set<String> read = settings.get().environmentVariables();
        Set<String> keyVariables = variablesOf(django.definiteSetting("SECRET_KEY"));
        Set<String> debugVariables = variablesOf(django.definiteSetting("DEBUG"));
        boolean debugFromExpression = django.definiteSetting("DEBUG").map(b -> !isLiteral(b.value())).orElse(false);
        for (String variable : read) {
            Optional<java.util.Map.Entry<RuntimeEnvFiles.Read, DotEnvFile.Entry>> found = envFiles.committedValue(variable);
            if (found.isEmpty()) {
                continue;
            }
            RuntimeEnvFiles.Read file = found.get().getKey();
            DotEnvFile.Entry entry = found.get().getValue();
            Evidence loader = new Evidence(file.loader(), "`" + file.loaderName() + "` loads `" + file.file().path() + "` here");
            if ((keyVariables.contains(variable) || variable.equals("SECRET_KEY") || variable.equals("DJANGO_SECRET_KEY")) && !entry.value().isBlank()) {
                findings.report(entry.at(), "`" + file.file().path() + "` sets `" + variable + "`, and `" + file.loaderName() + "` in the"
                        + " settings loads this committed file at runtime, so production signs sessions with a key anyone who can read"
                        + " the repository knows unless config var `" + variable + "` is set; remove the line, `git rm --cached "
                        + file.file().path() + "`, add it to .gitignore and set a new key with `heroku config:set " + variable
                        + "=$(python -c \"import secrets; print(secrets.token_urlsafe(64))\")`", loader);
            } else if ((debugVariables.contains(variable) || debugFromExpression && (variable.equals("DEBUG") || variable.endsWith("_DEBUG")))
                    && TRUE_STRINGS.contains(entry.value().strip().toLowerCase(Locale.ROOT))) {
                findings.report(entry.at(), "`" + file.file().path() + "` sets `" + variable + "=" + entry.value().strip() + "`, and `"
                        + file.loaderName() + "` in the settings loads this committed file at runtime, so production runs with DEBUG on"
                        + " (tracebacks and settings shown to visitors) unless config var `" + variable + "` is set to False; run `heroku"
                        + " config:set " + variable + "=False`, and stop committing `" + file.file().path() + "` (`git rm --cached "
                        + file.file().path() + "`, add it to .gitignore)", loader);
            }
        }
    }

    /** The config vars a setting's value reads directly: {@code os.environ["X"]}, {@code env.bool("X")}, one per branch. */
    private static Set<String> variablesOf(Optional<ModuleEvaluator.Binding> binding) {
        Set<String> names = new HashSet<>();
        binding.ifPresent(b -> {
            Value value = b.value();
            for (Value option : value instanceof Value.OneOf one ? one.options() : java.util.List.of(value)) {
                if (option instanceof Value.EnvRead env) {
                    names.add(env.name());
                }
            }
        });
        return names;
    }

    private static boolean isLiteral(Value value) {
        return value instanceof Value.Bool || value instanceof Value.Num || value instanceof Value.Str || value instanceof Value.NoneValue;
    }
}
