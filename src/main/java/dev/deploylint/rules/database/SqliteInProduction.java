package dev.deploylint.rules.database;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Optional;

/**
 * DB004: production's default database is certainly SQLite although the settings read
 * DATABASE_URL somewhere, so its value never reaches DATABASES (a later assignment replaces it,
 * or the parsed dict is never merged in). Settings that never read DATABASE_URL are DB001's.
 */
public final class SqliteInProduction implements Rule {

    @Override
    public String id() {
        return "DB004";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ModuleEvaluator.Binding> databases = Databases.definite(django);
        if (databases.isEmpty() || django.settings().get().namespace().opaque() || !Databases.readsDatabaseUrl(django.settings().get())) {
            return;
        }
        Value.Dict dict = (Value.Dict) databases.get().value();
        Value.Dict dflt = Databases.aliases(dict).get("default");
        if (dflt == null || Databases.readsEnvironment(dflt)
                || !Databases.engine(dflt).map(engine -> engine.endsWith(".sqlite3")).orElse(false)) {
            return;
        }
        findings.report(databases.get().at(), "the default database is SQLite in production although the settings read `DATABASE_URL`:"
                + " this DATABASES replaces or ignores it, so the app writes to the dyno's ephemeral disk and every restart"
                + " or deploy loses the data; put the result of " + Databases.configCall(project) + " into"
                + " `DATABASES[\"default\"]`", AppFacts.tookEffect(databases.get()));
    }
}
