package dev.deploylint.rules.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deploylint.Fixtures;
import dev.deploylint.lint.Finding;
import dev.deploylint.project.Project;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config var given with --env switches collectstatic off as app.json's would; "0" does not. */
class CollectstaticDisabledWithWhitenoiseTest {

    private static List<String> st021(String flag) throws IOException {
        Project app = Project.open(Fixtures.ROOT.resolve("ST021/passes-collectstatic-left-on"), "heroku-24",
                Map.of("DISABLE_COLLECTSTATIC", flag));
        return Fixtures.LINTER.lint(app).findings().stream().filter(f -> f.ruleId().equals("ST021"))
                .map(Finding::location).map(Object::toString).toList();
    }

    @Test
    void configVarFromEnvSwitchesCollectstaticOff() throws IOException {
        assertEquals(List.of("manage.py:1:1"), st021("1"));
    }

    @Test
    void zeroLeavesCollectstaticOn() throws IOException {
        assertEquals(List.of(), st021("0"));
    }
}
