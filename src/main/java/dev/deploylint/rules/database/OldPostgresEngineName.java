package dev.deploylint.rules.database;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Map;
import java.util.Optional;

/**
 * DB007: the ENGINE name postgresql_psycopg2. Django 3.0 removed the module, but load_backend
 * in django/db/utils.py still maps the name to django.db.backends.postgresql (checked in 3.2,
 * 4.2 and 5.2), so it works: advice only.
 */
public final class OldPostgresEngineName implements Rule {

    private static final String OLD = "django.db.backends.postgresql_psycopg2";

    @Override
    public String id() {
        return "DB007";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ModuleEvaluator.Binding> databases = Databases.definite(DjangoProject.of(project));
        if (databases.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Value.Dict> alias : Databases.aliases((Value.Dict) databases.get().value()).entrySet()) {
            if (Databases.engine(alias.getValue()).filter(OLD::equals).isPresent()) {
                findings.report(databases.get().at(), "the `" + alias.getKey() + "` database uses the old ENGINE name `" + OLD
                        + "`, which Django keeps only as an alias; use `django.db.backends.postgresql`", AppFacts.tookEffect(databases.get()));
            }
        }
    }
}
