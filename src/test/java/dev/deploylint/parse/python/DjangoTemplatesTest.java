package dev.deploylint.parse.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings.py and wsgi.py that `django-admin startproject` writes, Django 1.9 to 5.2, and real-world settings. */
class DjangoTemplatesTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = DjangoTemplatesTest.class.getResourceAsStream("/python/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ModuleEvaluator.Evaluation evaluate(String name) throws IOException {
        PythonModule module = PythonParser.parse(SourceFile.of(name, resource(name)));
        assertEquals(List.of(), module.problems(), name);
        return ModuleEvaluator.evaluate(new ModuleEvaluator.LoadedModule("settings", false, module), dotted -> Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1_9", "1_11", "2_2", "3_2", "4_2", "5_2"})
    void startprojectSettingsParseAndEvaluate(String version) throws IOException {
        ModuleEvaluator.Evaluation settings = evaluate("django/settings_" + version + ".py");
        Value apps = settings.namespace().get("INSTALLED_APPS").orElseThrow().value();
        assertTrue(apps instanceof Value.Seq seq && seq.items().contains(new Value.Str("django.contrib.staticfiles")), version);
        assertTrue(settings.namespace().get("STATIC_URL").orElseThrow().value() instanceof Value.Str, version);
        boolean oldStyle = version.equals("1_9");
        assertTrue(settings.namespace().get(oldStyle ? "MIDDLEWARE_CLASSES" : "MIDDLEWARE").isPresent(), version);
        assertTrue(settings.namespace().get("BASE_DIR").orElseThrow().value() instanceof Value.PathValue, version);
        evaluate("django/wsgi_" + version + ".py");
    }

    @ParameterizedTest
    @ValueSource(strings = {"realworld/heroku_2016_settings.py", "realworld/heroku_2016_wsgi.py", "realworld/decouple_settings.py",
        "realworld/modern_settings.py", "realworld/environ_settings.py", "realworld/split/base.py", "realworld/split/production.py"})
    void realWorldSettingsParse(String name) throws IOException {
        evaluate(name);
    }

    @org.junit.jupiter.api.Test
    void theSeedGuideSettingsKeepTheirHerokuAdditions() throws IOException {
        Map<String, ModuleEvaluator.Binding> names = evaluate("realworld/heroku_2016_settings.py").namespace().bindings();
        assertTrue(names.containsKey("STATICFILES_STORAGE") && names.containsKey("STATIC_ROOT"), names.keySet().toString());
    }
}
