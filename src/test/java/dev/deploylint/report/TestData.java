package dev.deploylint.report;

import dev.deploylint.lint.Category;
import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.RuleMetadata;
import dev.deploylint.lint.Severity;
import dev.deploylint.source.Location;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A three-rule catalogue and small builders shared by the reporter tests. */
final class TestData {

    static final ReportOptions PLAIN = new ReportOptions("1.2.3", false, true);
    static final ReportOptions COLOR = new ReportOptions("1.2.3", true, true);

    private TestData() {
    }

    static RuleCatalog catalog() {
        return RuleCatalog.of(List.of(
                rule("ST001", "static-root-missing", Category.STATIC, Severity.NOTE,
                        "STATIC_ROOT is not set", "Set `STATIC_ROOT = BASE_DIR / \"staticfiles\"` in settings.py.",
                        List.of()),
                rule("PF001", "procfile-missing", Category.PROCFILE, Severity.ERROR,
                        "The app has no Procfile", "Add a `Procfile` with a `web:` process.",
                        List.of("https://devcenter.heroku.com/articles/procfile")),
                rule("PY002", "python-version-eol", Category.RUNTIME, Severity.WARNING,
                        "The declared Python version is end-of-life", "",
                        List.of("https://devcenter.heroku.com/articles/python-support"))));
    }

    private static RuleMetadata rule(String id, String name, Category category, Severity severity, String summary,
            String fix, List<String> references) {
        String docs = "## What it checks\n\n" + summary + ", checked in the app root.\n\n"
                + "## Why it breaks a deploy\n\nHeroku cannot start the app.\n\n"
                + "## Versions affected\n\nAll stacks.\n\n"
                + "## Fix\n\n" + fix + "\n";
        return new RuleMetadata(id, name, category, severity, summary, docs, references, "0.1.0");
    }

    static Finding finding(String ruleId, Severity severity, String path, int line, int column, String message,
            Evidence... evidence) {
        return new Finding(ruleId, severity, new Location(path, line, column), message, List.of(evidence));
    }

    static Evidence evidence(String path, int line, int column, String message) {
        return new Evidence(new Location(path, line, column), message);
    }

    /** Source lines from file contents keyed by app-relative path. */
    static SourceLines lines(Map<String, String> files) {
        return (path, line) -> {
            String content = files.get(path);
            if (content == null) {
                return Optional.empty();
            }
            List<String> all = Arrays.asList(content.split("\n", -1));
            return line <= all.size() ? Optional.of(all.get(line - 1)) : Optional.empty();
        };
    }

    static AppReport app(String root, List<Finding> findings, Map<String, String> files) {
        return new AppReport(root, findings, lines(files));
    }

    /** The deploy style of an app built from heroku.yml's {@code build.docker} at line 2, column 3. */
    static final dev.deploylint.project.DeployStyle CONTAINER = new dev.deploylint.project.DeployStyle(
            dev.deploylint.project.DeployStyle.Kind.CONTAINER, "heroku.yml build.docker", Optional.of(new Location("heroku.yml", 2, 3)));

    static AppReport app(String root, List<Finding> findings, Map<String, String> files, AppContext context) {
        return new AppReport(root, findings, lines(files), List.of(), context, Optional.empty(), List.of());
    }

    static AppContext settings(String module, String source) {
        return new AppContext(true, java.util.Optional.of(module), java.util.Optional.of(source));
    }

    static final AppContext NO_SETTINGS = new AppContext(true, java.util.Optional.empty(), java.util.Optional.empty());
}
