package dev.deploylint.parse.python;

import dev.deploylint.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code django_heroku.settings(locals())} and {@code django_on_heroku.settings(locals())}
 * set in the settings module, read from their {@code settings()} functions (heroku/django-heroku
 * 0.3.1 at 8396b55 and tags v0.1.0 to v0.3.0, core.py; pkrefta/django-on-heroku 1.1.2 at 3b2367f,
 * core.py). Both only change the dict they are given, so only a call on {@code locals()} or
 * {@code globals()} changes the settings. Values that depend on a config var are
 * {@link Value.OneOf} the value without and with it. Older django-heroku releases differ in ways
 * no rule reads, except one that makes deploylint miss rather than cry wolf: before 0.2.0 the
 * {@code secret_key} switch set nothing (SSL on the default database and CONN_MAX_AGE from the
 * settings came in 0.3.1).
 */
final class HerokuSettingsHelper {

    static final String DJANGO_HEROKU = "django_heroku.settings";
    static final String DJANGO_ON_HEROKU = "django_on_heroku.settings";
    static final Set<String> NAMES = Set.of(DJANGO_HEROKU, DJANGO_ON_HEROKU);

    private static final String WHITENOISE_MIDDLEWARE = "whitenoise.middleware.WhiteNoiseMiddleware";
    private static final String SECURITY_MIDDLEWARE = "django.middleware.security.SecurityMiddleware";
    /** MAX_CONN_AGE in both helpers when the settings have no CONN_MAX_AGE (django-on-heroku's config var of that name may change it). */
    private static final String DEFAULT_CONN_MAX_AGE = "600";

    private HerokuSettingsHelper() {
    }

    /** True when the helper is given the module's own namespace, {@code locals()} or {@code globals()}. */
    static boolean configIsModule(Expr.Call call) {
        Expr config = call.args().isEmpty()
                ? call.keywords().stream().filter(k -> "config".equals(k.name())).map(Expr.Keyword::value).findFirst().orElse(null)
                : call.args().get(0);
        return config instanceof Expr.Call getter && getter.args().isEmpty() && getter.func() instanceof Expr.Name name
                && (name.id().equals("locals") || name.id().equals("globals"));
    }

    /**
     * The settings the call sets, by name, given the module's bindings before it. A switch whose
     * value deploylint cannot decide makes what it controls unknown.
     */
    static Map<String, Value> apply(String helper, Expr.Call call, Map<String, ModuleEvaluator.Binding> before,
                                    Function<Expr, Value> eval) {
        Map<String, Value> set = new LinkedHashMap<>();
        Location at = call.at();
        Boolean databases = flag(call, "databases", eval);
        if (!Boolean.FALSE.equals(databases)) {
            set.put("DATABASES", Boolean.TRUE.equals(databases) ? databases(call, before, at) : Value.UNKNOWN);
        }
        Boolean testRunner = flag(call, "test_runner", eval);
        if (!Boolean.FALSE.equals(testRunner)) {
            // only when config var CI is set (Heroku CI)
            Value runner = new Value.Str(helper.startsWith("django_heroku") ? "django_heroku.HerokuDiscoverRunner"
                    : "django_on_heroku.HerokuDiscoverRunner");
            set.put("TEST_RUNNER", Boolean.TRUE.equals(testRunner) ? Value.OneOf.of(valueOf(before, "TEST_RUNNER",
                    new Value.Str("django.test.runner.DiscoverRunner")), runner) : Value.UNKNOWN);
        }
        Boolean staticfiles = flag(call, "staticfiles", eval);
        if (!Boolean.FALSE.equals(staticfiles)) {
            boolean known = Boolean.TRUE.equals(staticfiles);
            Value base = valueOf(before, "BASE_DIR", Value.UNKNOWN);
            set.put("STATIC_ROOT", known && base instanceof Value.PathValue path ? ExpressionEvaluator.join(path, "staticfiles") : Value.UNKNOWN);
            set.put("STATIC_URL", known ? new Value.Str("/static/") : Value.UNKNOWN);
            String middlewareKey = before.containsKey("MIDDLEWARE_CLASSES") ? "MIDDLEWARE_CLASSES" : "MIDDLEWARE";
            set.put(middlewareKey, known ? withWhitenoise(helper, valueOf(before, middlewareKey, Value.UNKNOWN)) : Value.UNKNOWN);
            set.put("STATICFILES_STORAGE", known ? new Value.Str("whitenoise.storage.CompressedManifestStaticFilesStorage") : Value.UNKNOWN);
        }
        Boolean allowedHosts = flag(call, "allowed_hosts", eval);
        if (!Boolean.FALSE.equals(allowedHosts)) {
            set.put("ALLOWED_HOSTS", Boolean.TRUE.equals(allowedHosts)
                    ? new Value.Seq(Value.Seq.Kind.LIST, List.of(new Value.Str("*"))) : Value.UNKNOWN);
        }
        Boolean logging = flag(call, "logging", eval);
        if (!Boolean.FALSE.equals(logging)) {
            set.put("LOGGING", Boolean.TRUE.equals(logging) ? new Value.Dict(List.of(
                    new Value.Entry(new Value.Str("version"), new Value.Num("1")),
                    new Value.Entry(new Value.Str("disable_existing_loggers"), new Value.Bool(false)),
                    new Value.Entry(new Value.Str("formatters"), Value.UNKNOWN),
                    new Value.Entry(new Value.Str("handlers"), Value.UNKNOWN),
                    new Value.Entry(new Value.Str("loggers"), Value.UNKNOWN))) : Value.UNKNOWN);
        }
        Boolean secretKey = flag(call, "secret_key", eval);
        if (!Boolean.FALSE.equals(secretKey)) {
            // config var SECRET_KEY wins when set; otherwise the module's own value stays
            ModuleEvaluator.Binding current = before.get("SECRET_KEY");
            set.put("SECRET_KEY", Boolean.TRUE.equals(secretKey) && current != null ? new Value.EnvRead("SECRET_KEY", current.value())
                    : Value.UNKNOWN);
        }
        return set;
    }

    /**
     * The keyword switch {@code name}: TRUE when absent (every switch but {@code db_colors} defaults
     * to True), FALSE or TRUE when its value is certain, null when it depends.
     */
    private static Boolean flag(Expr.Call call, String name, Function<Expr, Value> eval) {
        if (call.keywords().stream().anyMatch(k -> k.name() == null)) {
            return null;
        }
        for (Expr.Keyword keyword : call.keywords()) {
            if (name.equals(keyword.name())) {
                return Value.truth(eval.apply(keyword.value()));
            }
        }
        return Boolean.TRUE;
    }

    private static Value valueOf(Map<String, ModuleEvaluator.Binding> before, String name, Value otherwise) {
        ModuleEvaluator.Binding binding = before.get(name);
        return binding == null ? otherwise : binding.value();
    }

    /**
     * DATABASES: without config var DATABASE_URL the module's own value (or {@code {"default": None}}
     * when it set none); with it, {@code default} becomes {@code dj_database_url.config(conn_max_age=..., ssl_require=True)}.
     */
    private static Value databases(Expr.Call call, Map<String, ModuleEvaluator.Binding> before, Location at) {
        Value own = valueOf(before, "DATABASES", new Value.Dict(List.of(new Value.Entry(new Value.Str("default"), Value.NONE))));
        Value maxAge = valueOf(before, "CONN_MAX_AGE", null);
        Expr maxAgeExpr = maxAge instanceof Value.Num n ? new Expr.Num(at, n.text())
                : maxAge == null ? new Expr.Num(at, DEFAULT_CONN_MAX_AGE)
                : new Expr.Name(at, "CONN_MAX_AGE");
        Expr ssl = call.keywords().stream().filter(k -> "db_ssl_required".equals(k.name())).map(Expr.Keyword::value).findFirst()
                .orElse(new Expr.Constant(at, Boolean.TRUE));
        Expr.Call config = new Expr.Call(at, new Expr.Attribute(at, new Expr.Name(at, "dj_database_url"), "config"), List.of(),
                List.of(new Expr.Keyword(at, "conn_max_age", maxAgeExpr), new Expr.Keyword(at, "ssl_require", ssl)));
        Value fromUrl = new Value.CallResult("dj_database_url.config", config);
        if (!(own instanceof Value.Dict dict)) {
            return Value.UNKNOWN;
        }
        List<Value.Entry> entries = new ArrayList<>(dict.entries());
        entries.add(new Value.Entry(new Value.Str("default"), fromUrl));
        return Value.OneOf.of(own, new Value.Dict(entries));
    }

    /**
     * The middleware list with WhiteNoise's: django-heroku puts it first, django-on-heroku right
     * after SecurityMiddleware (first when there is none). Both turn the list into a tuple.
     */
    private static Value withWhitenoise(String helper, Value middleware) {
        if (!(middleware instanceof Value.Seq seq)) {
            return Value.UNKNOWN;
        }
        List<Value> items = new ArrayList<>(seq.items());
        int index = helper.equals(DJANGO_ON_HEROKU) ? items.indexOf(new Value.Str(SECURITY_MIDDLEWARE)) + 1 : 0;
        items.add(index, new Value.Str(WHITENOISE_MIDDLEWARE));
        return new Value.Seq(Value.Seq.Kind.TUPLE, items);
    }
}
