package dev.deploylint.rules.database;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.Expr;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.ResolvedVersion;
import java.util.Map;
import java.util.Optional;

/**
 * DB006: a keyword argument older dj-database-url releases do not accept, which raises TypeError
 * when the settings are imported. Versions from jazzband/dj-database-url CHANGELOG.md and tags.
 */
public final class DjDatabaseUrlArgumentUnsupported implements Rule {

    private static final Map<String, Map<String, String>> SINCE = Map.of(
            "dj_database_url.config", Map.of("conn_max_age", "0.4.0", "ssl_require", "0.5.0", "conn_health_checks", "1.2.0",
                    "test_options", "1.2.0", "disable_server_side_cursors", "2.2.0"),
            "dj_database_url.parse", Map.of("conn_max_age", "0.4.0", "ssl_require", "0.5.0", "conn_health_checks", "1.1.0",
                    "test_options", "1.2.0", "disable_server_side_cursors", "2.2.0"));

    @Override
    public String id() {
        return "DB006";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ModuleEvaluator.Evaluation> settings = DjangoProject.of(project).settings();
        Optional<ResolvedVersion> version = ResolvedVersion.of(project, "dj-database-url");
        if (settings.isEmpty() || version.isEmpty()) {
            return;
        }
        for (ModuleEvaluator.CallSite call : settings.get().calls()) {
            Map<String, String> since = SINCE.get(call.qualifiedName());
            if (since == null) {
                continue;
            }
            for (Expr.Keyword keyword : call.call().keywords()) {
                String needs = keyword.name() == null ? null : since.get(keyword.name());
                if (needs == null || !version.get().isBelow(needs)) {
                    continue;
                }
                findings.report(keyword.at(), "`" + call.qualifiedName() + "()` accepts `" + keyword.name() + "` only from dj-database-url "
                        + needs + ", so with " + version.get().describe() + " importing the settings raises TypeError and the build fails;"
                        + " upgrade dj-database-url to " + needs + " or newer, or remove the argument", version.get().evidence());
            }
        }
    }
}
