package dev.deploylint.rules.database;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.Map;
import java.util.Optional;

/**
 * DB003: Django 5.1's PostgreSQL connection pool (OPTIONS["pool"]) refuses persistent
 * connections: the backend raises ImproperlyConfigured "Pooling doesn't support persistent
 * connections." (django/db/backends/postgresql/base.py).
 */
public final class DatabasePoolWithPersistentConnections implements Rule {

    @Override
    public String id() {
        return "DB003";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ModuleEvaluator.Binding> databases = Databases.definite(DjangoProject.of(project));
        Optional<ResolvedVersion> django = ResolvedVersion.of(project, "django");
        if (databases.isEmpty() || django.isEmpty() || django.get().isBelow("5.1")) {
            return;
        }
        for (Map.Entry<String, Value.Dict> alias : Databases.aliases((Value.Dict) databases.get().value()).entrySet()) {
            Value maxAge = alias.getValue().get("CONN_MAX_AGE");
            if (!(alias.getValue().get("OPTIONS") instanceof Value.Dict options) || !Boolean.TRUE.equals(Value.truth(pool(options)))
                    || !(maxAge instanceof Value.NoneValue || maxAge instanceof Value.Num && Boolean.TRUE.equals(Value.truth(maxAge)))) {
                continue;
            }
            String shown = maxAge instanceof Value.Num n ? n.text() : "None";
            findings.report(databases.get().at(), "the `" + alias.getKey() + "` database uses a connection pool (`OPTIONS[\"pool\"]`) with"
                    + " `CONN_MAX_AGE = " + shown + "`, so " + django.get().describe() + " raises ImproperlyConfigured (\"Pooling doesn't"
                    + " support persistent connections.\") on the first query; set `CONN_MAX_AGE` to 0 or drop the pool",
                    AppFacts.evidence(databases.get(), django.get()));
        }
    }

    private static Value pool(Value.Dict options) {
        Value pool = options.get("pool");
        return pool == null ? Value.NONE : pool;
    }
}
