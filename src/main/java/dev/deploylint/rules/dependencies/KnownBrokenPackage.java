package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.BuildpackList;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.Dependency;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * RQ007: packages whose install fails on today's stacks, from the buildpack's post-install hints
 * (bin/warnings, v351): pysqlite3 before 0.6.0 needs the SQLite headers the stack no longer ships
 * (since v296), celery before 5.2.1 has metadata pip 24.1+ rejects, and GDAL needs the geo buildpack.
 */
public final class KnownBrokenPackage implements Rule {

    @Override
    public String id() {
        return "RQ007";
    }

    @Override
    public void check(Project project, Findings findings) {
        Dependencies dependencies = Dependencies.of(project);
        below(dependencies, "pysqlite3", "0.6.0").ifPresent(d -> findings.report(d.at(), "`pysqlite3==" + d.pinned().orElseThrow()
                + "` builds against SQLite headers that Heroku's stacks no longer ship, so the install fails with"
                + " \"SQLite headers weren't found\"; use Python's built-in `sqlite3` or `pysqlite3>=0.6.0`", AppFacts.because(d)));
        below(dependencies, "celery", "5.2.1").ifPresent(d -> findings.report(d.at(), "`celery==" + d.pinned().orElseThrow()
                + "` has metadata that the build's pip rejects, so the install fails with \"One of your dependencies contains"
                + " broken metadata.\"; upgrade to `celery>=5.2.1`", AppFacts.because(d)));
        dependencies.find("gdal").ifPresent(d -> {
            List<BuildpackList> lists = BuildpackList.of(project);
            boolean geo = lists.stream().flatMap(l -> l.entries().stream())
                    .anyMatch(e -> e.url().toLowerCase(Locale.ROOT).contains("geo"));
            if (!lists.isEmpty() && !geo) {
                findings.report(d.at(), "`" + d.name() + "` needs the GDAL library, but " + lists.get(0).source()
                        + " lists no geo buildpack, so the install fails with \"the GDAL library wasn't found\";"
                        + " list `https://github.com/heroku/heroku-geo-buildpack.git` before the Python buildpack");
            }
        });
    }

    private static Optional<Dependency> below(Dependencies dependencies, String name, String version) {
        return dependencies.find(name).filter(d -> d.pinned().map(v -> v.isBelow(version)).orElse(false));
    }
}
