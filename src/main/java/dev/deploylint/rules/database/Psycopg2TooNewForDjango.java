package dev.deploylint.rules.database;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.ResolvedVersion;
import java.util.List;
import java.util.Optional;

/**
 * DB008: psycopg2 2.9 passes the time zone offset to Django's {@code utc_tzinfo_factory} as a
 * timedelta, and Django before 3.1 asserts it equals the integer 0, so with USE_TZ = True every query
 * that reads a timestamp fails with "AssertionError: database connection isn't set to UTC"
 * (psycopg/psycopg2#1293; Django did not backport its fix, django/django#14530).
 */
public final class Psycopg2TooNewForDjango implements Rule {

    private static final List<String> DRIVERS = List.of("psycopg2", "psycopg2-binary");

    @Override
    public String id() {
        return "DB008";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ResolvedVersion> djangoVersion = ResolvedVersion.of(project, "django");
        Optional<ModuleEvaluator.Binding> useTz = django.definiteSetting("USE_TZ")
                .filter(b -> Boolean.TRUE.equals(Value.truth(b.value())));
        if (djangoVersion.isEmpty() || !djangoVersion.get().isBelow("3.1") || useTz.isEmpty()) {
            return;
        }
        for (String name : DRIVERS) {
            ResolvedVersion.of(project, name).filter(driver -> driver.isAtLeast("2.9")).ifPresent(driver ->
                    findings.report(driver.dependency().at(), driver.describe() + " passes time zone offsets in a form "
                            + djangoVersion.get().describe() + " rejects, so with USE_TZ = True every query reading a date and"
                            + " time fails with \"AssertionError: database connection isn't set to UTC\"; pin `" + name
                            + "<2.9` (2.8.6) or upgrade Django to 3.2 or later",
                            new Evidence(useTz.get().at(), "USE_TZ = True is set here"), djangoVersion.get().evidence()));
        }
    }
}
