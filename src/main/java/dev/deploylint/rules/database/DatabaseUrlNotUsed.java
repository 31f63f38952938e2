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
 * DB001: DATABASES never reads DATABASE_URL, the only database setting Heroku Postgres gives an
 * app. Settings that read other environment variables for the database are left alone: the
 * developer then sets those by hand.
 */
public final class DatabaseUrlNotUsed implements Rule {

    @Override
    public String id() {
        return "DB001";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ModuleEvaluator.Evaluation> settings = django.settings();
        Optional<ModuleEvaluator.Binding> databases = django.setting("DATABASES");
        if (settings.isEmpty() || databases.isEmpty() || settings.get().namespace().opaque()
                || !(databases.get().value() instanceof Value.Dict dict) || Databases.readsDatabaseUrl(settings.get()) || Databases.readsEnvironment(dict)) {
            return;
        }
        findings.report(databases.get().at(), "DATABASES never reads the `DATABASE_URL` config var that Heroku Postgres sets,"
                + " so on Heroku the app uses " + describe(dict) + "; build DATABASES with"
                + " " + Databases.configCall(project), AppFacts.tookEffect(databases.get()));
    }

    private static String describe(Value.Dict databases) {
        if (databases.get("default") instanceof Value.Dict dflt && dflt.get("ENGINE") instanceof Value.Str engine
                && engine.value().endsWith("sqlite3")) {
            return "SQLite on the dyno's ephemeral disk, and every restart loses the data";
        }
        return "the hard-coded database, which a dyno cannot reach";
    }
}
