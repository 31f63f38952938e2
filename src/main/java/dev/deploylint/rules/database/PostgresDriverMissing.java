package dev.deploylint.rules.database;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.json.Json;
import dev.deploylint.parse.python.Expr;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.project.StructuredFiles;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import dev.deploylint.source.Location;
import java.util.List;
import java.util.Optional;

/**
 * DB005: the app uses PostgreSQL (Heroku Postgres through dj-database-url, or a postgresql
 * ENGINE) but installs no driver. psycopg 3 works only from Django 4.2 (Django 4.2 release notes);
 * django-heroku and django-on-heroku install psycopg2 themselves. Settings with another database
 * for an unset DATABASE_URL need the driver only once Heroku Postgres is added, so that is a
 * warning unless app.json provisions it.
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
        Optional<Use> found = postgresEngine(django).or(() -> databaseUrlCall(django, dependencies));
        if (found.isEmpty()) {
            return;
        }
        Optional<Json.JString> addon = postgresAddon(project);
        Use use = addon.isPresent() ? found.get().certain() : found.get();
        Evidence[] provisioned = addon.map(a -> new Evidence[] {new Evidence(a.at(), "app.json provisions Heroku Postgres")})
                .orElse(new Evidence[0]);
        Optional<ResolvedVersion> djangoVersion = ResolvedVersion.of(project, "django");
        if (dependencies.declares("psycopg2") || dependencies.declares("psycopg2-binary")) {
            return;
        }
        if (dependencies.declares("psycopg")) {
            if (djangoVersion.isPresent() && djangoVersion.get().isBelow("4.2")) {
                Evidence[] evidence = java.util.Arrays.copyOf(provisioned, provisioned.length + 1);
                evidence[provisioned.length] = djangoVersion.get().evidence();
                findings.report(use.fallback() ? Severity.WARNING : null, dependencies.find("psycopg").get().at(),
                        "psycopg 3 is the only PostgreSQL driver installed, but " + djangoVersion.get().describe()
                        + " supports it only from Django 4.2, so " + use.what() + " fails with ImproperlyConfigured (\"Error loading"
                        + " psycopg2 module\") on the first query; install `psycopg2-binary` or upgrade Django", evidence);
            }
            return;
        }
        findings.report(use.fallback() ? Severity.WARNING : null, use.at(), use.what() + " needs a PostgreSQL driver, but"
                + " no dependency installs psycopg, so Django cannot load its PostgreSQL backend (ImproperlyConfigured) and the"
                + " release phase and every request that queries the database fail; add `psycopg[binary]` (Django 4.2+) or"
                + " `psycopg2-binary` to the dependencies", provisioned);
    }

    /**
     * Where the app uses PostgreSQL; {@code fallback} when the settings have another database
     * (a {@code default=} URL, an SQLite branch) while DATABASE_URL is unset.
     */
    private record Use(Location at, String what, boolean fallback) {

        /** The same use once app.json provisions Heroku Postgres, so DATABASE_URL is certainly set. */
        Use certain() {
            return fallback ? new Use(at, "`dj_database_url.config()` with the Heroku Postgres that app.json provisions", false) : this;
        }
    }

    private static Optional<Use> postgresEngine(DjangoProject django) {
        return Databases.definite(django).flatMap(databases -> Databases.aliases((Value.Dict) databases.value()).values().stream()
                .map(Databases::engine).flatMap(Optional::stream)
                .filter(engine -> engine.startsWith("django.db.backends.postgresql"))
                .findFirst().map(engine -> new Use(databases.at(), "the ENGINE `" + engine + "`", false)));
    }

    /**
     * dj_database_url.config() reading DATABASE_URL, which Heroku Postgres sets to a postgres:// URL.
     * Heroku's getting-started app falls back to SQLite when it is unset and provisions no database.
     */
    private static Optional<Use> databaseUrlCall(DjangoProject django, Dependencies dependencies) {
        if (OTHER_DRIVERS.stream().anyMatch(dependencies::declares)) {
            return Optional.empty();
        }
        boolean otherDatabase = Databases.defaultOptions(django).stream()
                .anyMatch(option -> option instanceof Value.Dict dict && Databases.engine(dict)
                        .filter(engine -> !engine.startsWith("django.db.backends.postgresql")).isPresent());
        for (ModuleEvaluator.CallSite call : django.settings().get().callsTo("dj_database_url.config")) {
            boolean otherVariable = call.call().args().size() > 0 && !isDatabaseUrl(call.call().args().get(0))
                    || call.call().keywords().stream().anyMatch(k -> k.name() == null
                            || k.name().equals("env") && !isDatabaseUrl(k.value()));
            if (!otherVariable) {
                boolean fallback = otherDatabase || call.conditional() || call.call().args().size() > 1
                        || call.call().keywords().stream().anyMatch(k -> "default".equals(k.name()));
                return Optional.of(new Use(call.call().at(), fallback ? "`dj_database_url.config()`, if you add Heroku Postgres,"
                        : "`dj_database_url.config()` with Heroku Postgres", fallback));
            }
        }
        return Optional.empty();
    }

    /** A heroku-postgresql entry of app.json {@code addons}, as a name or a {@code plan}. */
    private static Optional<Json.JString> postgresAddon(Project project) {
        if (!(StructuredFiles.validJson(project, "app.json").orElse(null) instanceof Json.JObject app)
                || !(app.get("addons").orElse(null) instanceof Json.JArray addons)) {
            return Optional.empty();
        }
        for (Json addon : addons.items()) {
            Json plan = addon instanceof Json.JObject object ? object.get("plan").orElse(null) : addon;
            if (plan instanceof Json.JString text && text.value().split(":", 2)[0].strip().equals("heroku-postgresql")) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private static boolean isDatabaseUrl(Expr expr) {
        return expr instanceof Expr.Str s && s.value().equals("DATABASE_URL");
    }
}
