package dev.deploylint.rules.database;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.Expr;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Location;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.List;
import java.util.Optional;

/**
 * DB005: the app uses PostgreSQL (Heroku Postgres through dj-database-url, or a postgresql
 * ENGINE) but installs no driver. psycopg 3 works only from Django 4.2 (Django 4.2 release notes);
 * django-heroku and django-on-heroku install psycopg2 themselves. A dj-database-url call with a
 * default database needs the driver only once DATABASE_URL is set, so that is a warning.
 */
public final class PostgresDriverMissing implements Rule {

    private static final List<String> DRIVERS = List.of("psycopg2", "psycopg2-binary", "psycopg");
    private static final List<String> BRINGS_DRIVER = List.of("django-heroku", "django-on-heroku");
    private static final List<String> OTHER_DRIVERS = List.of("mysqlclient", "pymysql", "mysql-connector-python", "oracledb",
            "cx-oracle", "mssql-django");

    @Override
    public String id() {
        return "DB005";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Dependencies dependencies = Dependencies.of(project);
        if (django.settings().isEmpty() || !AppFacts.dependenciesFullyKnown(project) || BRINGS_DRIVER.stream().anyMatch(dependencies::declares)) {
            return;
        }
        Optional<Use> use = postgresEngine(django).or(() -> databaseUrlCall(django.settings().get(), dependencies));
        if (use.isEmpty()) {
            return;
        }
        Optional<ResolvedVersion> djangoVersion = ResolvedVersion.of(project, "django");
        boolean psycopg2 = dependencies.declares("psycopg2") || dependencies.declares("psycopg2-binary");
        if (psycopg2) {
            return;
        }
        if (dependencies.declares("psycopg")) {
            if (djangoVersion.isPresent() && djangoVersion.get().isBelow("4.2")) {
                findings.report(use.get().fallback() ? Severity.WARNING : null, dependencies.find("psycopg").get().at(), "psycopg 3 is the only PostgreSQL driver installed, but "
                        + djangoVersion.get().describe() + " supports it only from Django 4.2, so " + use.get().what()
                        + " fails with ImproperlyConfigured (\"Error loading psycopg2 module\") on the first query; install"
                        + " `psycopg2-binary` or upgrade Django", djangoVersion.get().evidence());
            }
            return;
        }
        findings.report(use.get().fallback() ? Severity.WARNING : null, use.get().at(), use.get().what() + " needs a PostgreSQL driver, but no dependency installs psycopg, so Django"
                + " cannot load its PostgreSQL backend (ImproperlyConfigured) and the release phase and every request that queries"
                + " the database fail; add `psycopg[binary]` (Django 4.2+) or `psycopg2-binary` to the dependencies");
    }

    /** Where the app uses PostgreSQL; {@code fallback} when it does so only once DATABASE_URL is set. */
    private record Use(Location at, String what, boolean fallback) {
    }

    private static Optional<Use> postgresEngine(DjangoProject django) {
        return Databases.definite(django).flatMap(databases -> Databases.aliases((Value.Dict) databases.value()).values().stream()
                .map(Databases::engine).flatMap(Optional::stream)
                .filter(engine -> engine.startsWith("django.db.backends.postgresql"))
                .findFirst().map(engine -> new Use(databases.at(), "the ENGINE `" + engine + "`", false)));
    }

    /** dj_database_url.config() reading DATABASE_URL, which Heroku Postgres sets to a postgres:// URL. */
    private static Optional<Use> databaseUrlCall(ModuleEvaluator.Evaluation settings, Dependencies dependencies) {
        if (OTHER_DRIVERS.stream().anyMatch(dependencies::declares)) {
            return Optional.empty();
        }
        for (ModuleEvaluator.CallSite call : settings.callsTo("dj_database_url.config")) {
            boolean otherVariable = call.call().args().size() > 0 && !isDatabaseUrl(call.call().args().get(0))
                    || call.call().keywords().stream().anyMatch(k -> k.name() == null
                            || k.name().equals("env") && !isDatabaseUrl(k.value()));
            if (!otherVariable) {
                boolean fallback = call.call().args().size() > 1 || call.call().keywords().stream().anyMatch(k -> "default".equals(k.name()));
                return Optional.of(new Use(call.call().at(), fallback ? "`dj_database_url.config()`, once Heroku Postgres sets `DATABASE_URL`,"
                        : "`dj_database_url.config()` with Heroku Postgres", fallback));
            }
        }
        return Optional.empty();
    }

    private static boolean isDatabaseUrl(Expr expr) {
        return expr instanceof Expr.Str s && s.value().equals("DATABASE_URL");
    }
}
