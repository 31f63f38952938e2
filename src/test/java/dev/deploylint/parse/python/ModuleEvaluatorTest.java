package dev.deploylint.parse.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModuleEvaluatorTest {

    private static ModuleEvaluator.Evaluation evaluate(String name, Map<String, String> modules) {
        ModuleEvaluator.ModuleSource source = dotted -> Optional.ofNullable(modules.get(dotted)).map(text -> {
            String path = dotted.replace('.', '/') + ".py";
            return new ModuleEvaluator.LoadedModule(dotted, false, PythonParser.parse(SourceFile.of(path, text)));
        });
        return ModuleEvaluator.evaluate(source.load(name).orElseThrow(), source);
    }

    private static Value value(ModuleEvaluator.Evaluation evaluation, String name) {
        return evaluation.namespace().get(name).orElseThrow().value();
    }

    @Test
    void followsStarImportsAndListUpdates() {
        ModuleEvaluator.Evaluation settings = evaluate("mysite.settings.production", Map.of(
                "mysite.settings.base", "INSTALLED_APPS = ['a']\nMIDDLEWARE = ['s', 'c']\nSTATIC_ROOT = None\n",
                "mysite.settings.production", """
                        from .base import *
                        INSTALLED_APPS += ['b']
                        INSTALLED_APPS.append('c')
                        MIDDLEWARE.insert(1, 'w')
                        STATIC_ROOT = '/tmp/static'
                        """));
        assertEquals(new Value.Seq(Value.Seq.Kind.LIST, List.of(new Value.Str("a"), new Value.Str("b"), new Value.Str("c"))),
                value(settings, "INSTALLED_APPS"));
        assertEquals(List.of(new Value.Str("s"), new Value.Str("w"), new Value.Str("c")), ((Value.Seq) value(settings, "MIDDLEWARE")).items());
        assertEquals(new Value.Str("/tmp/static"), value(settings, "STATIC_ROOT"));
        assertEquals(List.of("mysite/settings/production.py", "mysite/settings/base.py"), settings.modules());
        assertFalse(settings.namespace().opaque());
    }

    @Test
    void resolvesPathsBuiltFromFile() {
        ModuleEvaluator.Evaluation settings = evaluate("mysite.settings", Map.of("mysite.settings", """
                import os
                from pathlib import Path
                BASE_DIR = Path(__file__).resolve().parent.parent
                OLD_BASE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
                STATIC_ROOT = BASE_DIR / "staticfiles"
                STATICFILES_DIRS = (os.path.join(OLD_BASE, 'mysite', 'static'),)
                """));
        assertEquals(new Value.PathValue(""), value(settings, "BASE_DIR"));
        assertEquals(new Value.PathValue(""), value(settings, "OLD_BASE"));
        assertEquals(new Value.PathValue("staticfiles"), value(settings, "STATIC_ROOT"));
        assertEquals(new Value.PathValue("mysite/static"), ((Value.Seq) value(settings, "STATICFILES_DIRS")).items().get(0));
    }

    @Test
    void recognisesEnvironmentReads() {
        ModuleEvaluator.Evaluation settings = evaluate("s", Map.of("s", """
                import os
                import environ
                from decouple import config
                env = environ.Env()
                A = os.environ.get("A", "x")
                B = os.environ["B"]
                C = os.getenv("C")
                D = config("D", default=False, cast=bool)
                E = env.bool("E", default=True)
                """));
        assertEquals(new Value.EnvRead("A", new Value.Str("x"), Value.EnvRead.Cast.TEXT, true), value(settings, "A"));
        assertEquals(new Value.EnvRead("B", null), value(settings, "B"));
        assertEquals(new Value.EnvRead("C", null, Value.EnvRead.Cast.TEXT, true), value(settings, "C"));
        assertEquals(new Value.EnvRead("D", new Value.Bool(false), Value.EnvRead.Cast.BOOL, false), value(settings, "D"));
        assertEquals(new Value.EnvRead("E", new Value.Bool(true), Value.EnvRead.Cast.BOOL, false), value(settings, "E"));
        assertEquals(List.of("A", "B", "C", "D", "E"), List.copyOf(settings.environmentVariables()));
    }

    @Test
    void branchesMakeValuesConditionalAndCallsAreRecorded() {
        ModuleEvaluator.Evaluation settings = evaluate("s", Map.of("s", """
                import dj_database_url
                DEBUG = False
                if os.environ.get("DEV"):
                    DEBUG = True
                try:
                    from .local import *
                except ImportError:
                    pass
                DATABASES = {"default": dj_database_url.config(conn_max_age=600)}
                """));
        assertEquals(new Value.OneOf(List.of(new Value.Bool(true), new Value.Bool(false))), value(settings, "DEBUG"));
        assertFalse(settings.namespace().get("DEBUG").orElseThrow().conditional(), "set on every path");
        assertEquals(1, settings.callsTo("dj_database_url.config").size());
        assertTrue(settings.environmentVariables().contains("DATABASE_URL"));
        assertTrue(settings.namespace().opaque(), "a star import from a module not in the app may define anything");
    }

    @Test
    void decidedBranchesRunAloneAndUndecidedOnesMerge() {
        ModuleEvaluator.Evaluation settings = evaluate("s", Map.of("s", """
                import os
                DEBUG = False
                if DEBUG:
                    STATIC_ROOT = None
                else:
                    STATIC_ROOT = "static"
                if not DEBUG and "x" in ["x", "y"]:
                    SECURE = True
                if os.environ.get("CI"):
                    ONLY_IN_CI = 1
                for i in range(2):
                    LOOPED = i
                try:
                    import debug_toolbar
                    TOOLBAR = True
                except ImportError:
                    TOOLBAR = False
                """));
        assertEquals(new Value.Str("static"), value(settings, "STATIC_ROOT"));
        assertFalse(settings.namespace().get("STATIC_ROOT").orElseThrow().conditional());
        assertEquals(new Value.Bool(true), value(settings, "SECURE"));
        assertTrue(settings.namespace().get("ONLY_IN_CI").orElseThrow().conditional());
        assertTrue(settings.namespace().get("LOOPED").orElseThrow().conditional());
        assertEquals(new Value.OneOf(List.of(new Value.Bool(true), new Value.Bool(false))), value(settings, "TOOLBAR"));
    }

    @Test
    void starImportedValuesRememberTheImport() {
        ModuleEvaluator.Evaluation settings = evaluate("p", Map.of("b", "STATIC_URL = 'static/'\n", "p", "X = 1\nfrom b import *\n"));
        ModuleEvaluator.Binding binding = settings.namespace().get("STATIC_URL").orElseThrow();
        assertEquals("b.py", binding.at().path());
        assertEquals(new dev.deploylint.source.Location("p.py", 2, 15), binding.via());
        assertEquals(null, settings.namespace().get("X").orElseThrow().via());
    }

    @Test
    void dictUpdatesChangeTheEntry() {
        ModuleEvaluator.Evaluation settings = evaluate("s", Map.of("s", """
                import dj_database_url
                DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3"}}
                DATABASES["default"].update(dj_database_url.config(conn_max_age=500))
                CACHES = {}
                CACHES.update({"default": {"BACKEND": "x"}})
                """));
        Value.Dict databases = (Value.Dict) value(settings, "DATABASES");
        Value.OneOf entry = (Value.OneOf) databases.get("default");
        assertEquals(2, entry.options().size());
        assertTrue(entry.options().get(1) instanceof Value.CallResult);
        assertEquals(1, settings.callsTo("dj_database_url.config").size(), "each call is recorded once");
        assertTrue(((Value.Dict) value(settings, "CACHES")).get("default") instanceof Value.Dict);
    }

    @Test
    void nestedItemAssignmentsChangeTheInnerEntry() {
        ModuleEvaluator.Evaluation settings = evaluate("s", Map.of("s", """
                import os
                STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
                STORAGES["default"]["BACKEND"] = "storages.backends.s3.S3Storage"
                CACHES = {"default": {}}
                if os.environ.get("REDIS_URL"):
                    CACHES["default"]["BACKEND"] = "redis"
                OTHER = {"a": 1}
                OTHER["missing"]["x"] = 2
                """));
        Value.Dict storages = (Value.Dict) ((Value.Dict) value(settings, "STORAGES")).get("default");
        assertEquals(new Value.Str("storages.backends.s3.S3Storage"), storages.get("BACKEND"));
        assertFalse(settings.namespace().get("STORAGES").orElseThrow().conditional());
        assertTrue(value(settings, "CACHES") instanceof Value.OneOf, "set on one branch only");
        assertEquals(Value.UNKNOWN, ((Value.Dict) value(settings, "OTHER")).get("missing"));
    }

    @Test
    void importCyclesTerminate() {
        ModuleEvaluator.Evaluation settings = evaluate("a", Map.of("a", "from b import *\nA = 1\n", "b", "from a import *\nB = 2\n"));
        assertEquals(new Value.Num("2"), value(settings, "B"));
        assertEquals(new Value.Num("1"), value(settings, "A"));
    }

    @Test
    void djangoHerokuSetsWhatItsSettingsFunctionSets() {
        ModuleEvaluator.Evaluation settings = evaluate("mysite.settings", Map.of("mysite.settings", """
                import os
                import django_heroku
                BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
                SECRET_KEY = 'dev'
                MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'x']
                DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3'}}
                django_heroku.settings(locals())
                """));
        assertEquals(new Value.PathValue("staticfiles"), value(settings, "STATIC_ROOT"));
        assertEquals(new Value.Str("/static/"), value(settings, "STATIC_URL"));
        assertEquals(new Value.Seq(Value.Seq.Kind.LIST, List.of(new Value.Str("*"))), value(settings, "ALLOWED_HOSTS"));
        assertEquals(new Value.Str("whitenoise.middleware.WhiteNoiseMiddleware"), ((Value.Seq) value(settings, "MIDDLEWARE")).items().get(0));
        assertEquals(new Value.Str("whitenoise.storage.CompressedManifestStaticFilesStorage"), value(settings, "STATICFILES_STORAGE"));
        assertEquals(new Value.EnvRead("SECRET_KEY", new Value.Str("dev")), value(settings, "SECRET_KEY"));
        Value.OneOf databases = (Value.OneOf) value(settings, "DATABASES");
        Value.CallResult fromUrl = (Value.CallResult) ((Value.Dict) databases.options().get(1)).get("default");
        assertEquals("dj_database_url.config", fromUrl.qualifiedName());
        assertEquals(List.of("conn_max_age", "ssl_require"), fromUrl.call().keywords().stream().map(Expr.Keyword::name).toList());
        assertTrue(settings.namespace().get("TEST_RUNNER").isPresent());
    }

    @Test
    void djangoOnHerokuPutsWhitenoiseAfterSecurityMiddlewareAndHonoursSwitches() {
        ModuleEvaluator.Evaluation settings = evaluate("mysite.settings", Map.of("mysite.settings", """
                from django_on_heroku import settings
                MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'x']
                settings(locals(), staticfiles=False, allowed_hosts=False)
                """));
        assertTrue(settings.namespace().get("STATIC_ROOT").isEmpty());
        assertTrue(settings.namespace().get("ALLOWED_HOSTS").isEmpty());
        assertEquals(2, ((Value.Seq) value(settings, "MIDDLEWARE")).items().size());
        assertTrue(settings.namespace().get("DATABASES").isPresent());

        ModuleEvaluator.Evaluation withStatic = evaluate("mysite.settings", Map.of("mysite.settings", """
                import django_on_heroku
                MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'x']
                django_on_heroku.settings(locals())
                """));
        assertEquals(new Value.Str("whitenoise.middleware.WhiteNoiseMiddleware"), ((Value.Seq) value(withStatic, "MIDDLEWARE")).items().get(1));
    }

    @Test
    void helperOnAnotherDictChangesNothingAndUndecidedSwitchIsUnknown() {
        ModuleEvaluator.Evaluation other = evaluate("mysite.settings", Map.of("mysite.settings", """
                import django_heroku
                config = {}
                django_heroku.settings(config)
                """));
        assertTrue(other.namespace().get("STATIC_ROOT").isEmpty());
        ModuleEvaluator.Evaluation undecided = evaluate("mysite.settings", Map.of("mysite.settings", """
                import os, django_heroku
                django_heroku.settings(locals(), allowed_hosts=os.environ.get('X'))
                """));
        assertEquals(Value.UNKNOWN, value(undecided, "ALLOWED_HOSTS"));
    }

    @Test
    void followsValuesComputedFromOneEnvironmentVariable() {
        ModuleEvaluator.Evaluation settings = evaluate("s", Map.of("s", """
                import os
                import environ
                env = environ.Env(DEBUG=(bool, True))
                A = os.getenv("A", "True") == "True"
                B = os.getenv("B") != "False"
                C = env("DEBUG")
                D = False if os.getenv("PROD") else True
                E = not os.environ.get("E")
                F = os.getenv("F", "True").lower() in ("true", "1")
                G = "G" not in os.environ
                H = os.getenv("H", "False") == "True"
                I = os.environ["I"] == "1"
                """));
        assertEquals(new Value.EnvDerived("A", new Value.Bool(true), "any value but `True`"), value(settings, "A"));
        assertEquals(new Value.EnvDerived("B", new Value.Bool(true), "`False`"), value(settings, "B"));
        assertEquals(new Value.EnvRead("DEBUG", new Value.Bool(true), Value.EnvRead.Cast.BOOL, false), value(settings, "C"));
        assertEquals(new Value.EnvDerived("PROD", new Value.Bool(true), "any non-empty value"), value(settings, "D"));
        assertEquals(new Value.EnvDerived("E", new Value.Bool(true), "any non-empty value"), value(settings, "E"));
        assertEquals(new Value.EnvDerived("F", new Value.Bool(true), "a value other than `true`, `1`"), value(settings, "F"));
        assertEquals(new Value.EnvDerived("G", new Value.Bool(true), "any value"), value(settings, "G"));
        assertEquals(new Value.EnvDerived("H", new Value.Bool(false), "`True`"), value(settings, "H"));
        assertEquals(Value.UNKNOWN, value(settings, "I"));
        assertEquals(List.of("A", "B", "DEBUG", "E", "F", "G", "H", "I", "PROD"), List.copyOf(settings.environmentVariables()));
    }

    @Test
    void environsReadsConfigVarsLikeDjangoEnviron() {
        ModuleEvaluator.Evaluation settings = evaluate("mysite.settings", Map.of("mysite.settings", """
                from environs import Env
                env = Env()
                env.read_env()
                DEBUG = env.bool("DEBUG", default=False)
                SECRET_KEY = env.str("SECRET_KEY")
                ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", [])
                DATABASES = {"default": env.dj_db_url("DATABASE_URL")}
                """));
        assertEquals(new Value.EnvRead("DEBUG", new Value.Bool(false), Value.EnvRead.Cast.BOOL, false), value(settings, "DEBUG"));
        assertEquals(new Value.EnvRead("SECRET_KEY", null), value(settings, "SECRET_KEY"));
        assertEquals(new Value.EnvRead("ALLOWED_HOSTS", new Value.Seq(Value.Seq.Kind.LIST, List.of()), Value.EnvRead.Cast.OTHER, false),
                value(settings, "ALLOWED_HOSTS"));
        assertTrue(settings.environmentReads().stream().anyMatch(r -> r.name().equals("SECRET_KEY") && r.required()));
        assertTrue(settings.environmentReads().stream().anyMatch(r -> r.name().equals("DATABASE_URL") && r.required()));
        assertFalse(settings.environmentReads().stream().anyMatch(r -> r.name().equals("DEBUG") && r.required()));
    }

    @Test
    void namesDefinedByExecOrGlobalsUpdateMakeTheNamespaceOpaque() {
        assertTrue(evaluate("s", Map.of("s", "exec(open('local.py').read())\n")).namespace().opaque());
        assertTrue(evaluate("s", Map.of("s", "globals().update({'DEBUG': True})\n")).namespace().opaque());
        assertTrue(evaluate("s", Map.of("s", "from split_settings.tools import include\ninclude('base.py')\n")).namespace().opaque());
        assertFalse(evaluate("s", Map.of("s", "print('hi')\n")).namespace().opaque());
    }
}
