package dev.deploylint.rules.database;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.Expr;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import java.util.Optional;
import java.util.Set;

/**
 * DB002: the final {@code default} database is a dj-database-url result without conn_max_age, so
 * Django opens a connection per request. A later {@code DATABASES["default"]["CONN_MAX_AGE"] = 600}
 * or {@code .update(...)} changes that value, so the rule reads the evaluated setting, not the call.
 */
public final class PersistentConnectionsOff implements Rule {

    private static final Set<String> FUNCTIONS = Set.of("dj_database_url.config", "dj_database_url.parse");

    @Override
    public String id() {
        return "DB002";
    }

    @Override
    public void check(Project project, Findings findings) {
        for (Value option : Databases.defaultOptions(DjangoProject.of(project))) {
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
                    + " opens a new database connection for every request; pass `conn_max_age=600, conn_health_checks=True`");
        }
    }
}
