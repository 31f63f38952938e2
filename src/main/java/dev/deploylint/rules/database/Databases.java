package dev.deploylint.rules.database;

import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.ResolvedVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared facts for the database rules about the evaluated DATABASES setting. */
final class Databases {

    private Databases() {
    }

    /**
     * The keyword arguments a fix may pass to {@code dj_database_url.config()}: {@code conn_max_age}
     * only from dj-database-url 0.4.0 (0.3 raises TypeError on it), {@code conn_health_checks} only
     * from dj-database-url 1.2.0 and Django 4.1, which added CONN_HEALTH_CHECKS. Unknown versions
     * are taken as the newest. Empty when the resolved dj-database-url has neither.
     */
    static String persistentArguments(Project project) {
        Optional<ResolvedVersion> djDatabaseUrl = ResolvedVersion.of(project, "dj-database-url");
        if (djDatabaseUrl.map(v -> v.isBelow("0.4.0")).orElse(false)) {
            return "";
        }
        boolean healthChecks = djDatabaseUrl.map(v -> v.isAtLeast("1.2.0")).orElse(true)
                && ResolvedVersion.of(project, "django").map(d -> d.isAtLeast("4.1")).orElse(true);
        return "conn_max_age=600" + (healthChecks ? ", conn_health_checks=True" : "");
    }

    /** "`dj_database_url.config(conn_max_age=600, conn_health_checks=True)`", with only the arguments the pins have. */
    static String configCall(Project project) {
        return "`dj_database_url.config(" + persistentArguments(project) + ")`";
    }

    /** DATABASES when every path sets it to a dict display. */
    static Optional<ModuleEvaluator.Binding> definite(DjangoProject django) {
        return django.setting("DATABASES").filter(b -> !b.conditional() && b.value() instanceof Value.Dict);
    }

    /** The aliases of a DATABASES dict whose settings are a dict display, by name; a later entry wins as in Python. */
    static Map<String, Value.Dict> aliases(Value.Dict databases) {
        Map<String, Value.Dict> aliases = new LinkedHashMap<>();
        for (Value.Entry entry : databases.entries()) {
            if (entry.key() instanceof Value.Str name) {
                aliases.remove(name.value());
                if (entry.value() instanceof Value.Dict dict) {
                    aliases.put(name.value(), dict);
                }
            }
        }
        return aliases;
    }

    /**
     * Every value the {@code default} database may take in the final DATABASES, branches and
     * {@code update()} merges flattened; empty when DATABASES is unset or not a dict on some path.
     */
    static List<Value> defaultOptions(DjangoProject django) {
        Optional<ModuleEvaluator.Binding> databases = django.setting("DATABASES");
        if (databases.isEmpty()) {
            return List.of();
        }
        List<Value> options = new ArrayList<>();
        for (Value value : flatten(databases.get().value())) {
            if (!(value instanceof Value.Dict dict)) {
                return List.of();
            }
            Value alias = null;
            for (Value.Entry entry : dict.entries()) {
                if (entry.key() instanceof Value.Str name && name.value().equals("default")) {
                    alias = entry.value();
                }
            }
            if (alias != null) {
                options.addAll(flatten(alias));
            }
        }
        return options;
    }

    private static List<Value> flatten(Value value) {
        return value instanceof Value.OneOf one ? one.options() : List.of(value);
    }

    /** The ENGINE of an alias when it is a constant string. */
    static Optional<String> engine(Value.Dict alias) {
        return alias.get("ENGINE") instanceof Value.Str engine ? Optional.of(engine.value()) : Optional.empty();
    }

    /** True when anything in the settings reads DATABASE_URL: os.environ, dj-database-url, django-environ's db(), django-heroku. */
    static boolean readsDatabaseUrl(ModuleEvaluator.Evaluation settings) {
        return settings.environmentVariables().contains("DATABASE_URL")
                || settings.calls().stream().map(ModuleEvaluator.CallSite::qualifiedName).anyMatch(name ->
                        name.startsWith("dj_database_url.") || name.startsWith("environ.Env().db")
                                || ModuleEvaluator.HEROKU_HELPERS.contains(name)
                                || name.startsWith("dj_db_url."));
    }

    /** True when {@code value} may depend on the environment or on a call deploylint does not model. */
    static boolean readsEnvironment(Value value) {
        if (value instanceof Value.EnvRead || value instanceof Value.Unknown || value instanceof Value.CallResult) {
            return true;
        }
        if (value instanceof Value.Dict dict) {
            return dict.entries().stream().anyMatch(e -> readsEnvironment(e.value()));
        }
        return value instanceof Value.Seq seq && seq.items().stream().anyMatch(Databases::readsEnvironment);
    }
}
