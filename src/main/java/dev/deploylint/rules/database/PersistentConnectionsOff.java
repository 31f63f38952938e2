package dev.deploylint.rules.database;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.Expr;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DB002: the final {@code default} database is a dj-database-url result without conn_max_age, so
 * Django opens a connection per request. A later {@code DATABASES["default"]["CONN_MAX_AGE"] = 600}
 * or {@code .update(...)} changes that value, so the rule reads the evaluated setting, not the call;
 * a later django-heroku helper call that replaces the database (with conn_max_age=600) silences it.
 */
public final class PersistentConnectionsOff implements Rule {

    private static final Set<String> FUNCTIONS = Set.of("dj_database_url.config", "dj_database_url.parse");

    @Override
    public String id() {
        return "DB002";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        if (replacedByHelper(django.herokuHelperCalls())) {
            return;
        }
        String arguments = Databases.persistentArguments(project);
        String fix = arguments.isEmpty()
                ? "set `DATABASES[\"default\"][\"CONN_MAX_AGE\"] = 600` after the call (this dj-database-url has no `conn_max_age`;"
                        + " it arrived in 0.4.0)"
                : "pass `" + arguments + "`";
        for (Value option : Databases.defaultOptions(django)) {
            if (!(option instanceof Value.CallResult result) || !FUNCTIONS.contains(result.qualifiedName())) {
                continue;
            }
            Expr.Call call = result.call();
            Optional<Expr.Keyword> maxAge = call.keywords().stream().filter(k -> "conn_max_age".equals(k.name())).findFirst();
            boolean hasSpread = call.keywords().stream().anyMatch(k -> k.name() == null);
            if (hasSpread || maxAge.isPresent() && !(maxAge.get().value() instanceof Expr.Num n && n.text().matches("0+"))) {
                continue;
            }
            findings.report(maxAge.map(Expr.Keyword::at).orElse(call.at()), "`" + result.qualifiedName() + "()` without `conn_max_age`"
                    + " opens a new database connection for every request; " + fix);
        }
    }

    /**
     * True when a {@code django_heroku.settings(locals())} or django-on-heroku call with its
     * databases switch on replaces the default database, with {@code conn_max_age=600}, whenever
     * DATABASE_URL is set (core.py of both).
     */
    private static boolean replacedByHelper(List<ModuleEvaluator.CallSite> calls) {
        return calls.stream().anyMatch(c -> c.call().keywords().stream()
                .noneMatch(k -> "databases".equals(k.name()) && !(k.value() instanceof Expr.Constant constant && Boolean.TRUE.equals(constant.value()))));
    }
}
