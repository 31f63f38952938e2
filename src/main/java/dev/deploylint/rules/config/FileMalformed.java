package dev.deploylint.rules.config;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.json.JsonDocument;
import dev.deploylint.parse.toml.TomlDocument;
import dev.deploylint.project.BuildpackList;
import dev.deploylint.project.HerokuYml;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectTemplate;
import dev.deploylint.project.StructuredFiles;
import dev.deploylint.source.Location;

/**
 * DL002: a JSON, TOML or YAML file of the app that does not parse, at the position of the error.
 * Its severity follows what reads the file: the build's own tools fail on `package.json` (the
 * Node.js buildpack: "Unable to parse package.json") and `Pipfile.lock` (the Python buildpack), but
 * Heroku reads `app.json` only when it sets an app up from it, and nothing on today's Heroku reads
 * `bower.json` unless the abandoned Bower buildpack is listed (then a warning, as that list may
 * not be used either; otherwise nothing).
 */
public final class FileMalformed implements Rule {

    @Override
    public String id() {
        return "DL002";
    }

    @Override
    public void check(Project project, Findings findings) {
        for (String path : StructuredFiles.JSON_FILES) {
            if (unrendered(project, path)) {
                continue;
            }
            StructuredFiles.json(project, path).filter(doc -> !doc.isValid()).map(JsonDocument::problem)
                    .ifPresent(problem -> reportJson(project, path, problem.location(),
                            problem.message().replaceFirst("^invalid JSON: ", ""), findings));
        }
        for (String path : StructuredFiles.TOML_FILES) {
            if (unrendered(project, path)) {
                continue;
            }
            StructuredFiles.toml(project, path).filter(doc -> !doc.isValid()).map(TomlDocument::problem)
                    .ifPresent(problem -> findings.report(problem.location(), "`" + path + "` is not valid TOML ("
                            + problem.message().replaceFirst("^invalid TOML: ", "") + "); the build cannot read it, fix the syntax"));
        }
        HerokuYml.of(project).flatMap(HerokuYml::problem).ifPresent(problem -> findings.report(problem.location(),
                "`heroku.yml` is not valid YAML (" + problem.message() + "); Heroku cannot read the build manifest, fix the syntax"));
    }

    /** A project template's file holding placeholders ({@code {%- if %}}) parses only once rendered (DL005 says so). */
    private static boolean unrendered(Project project, String path) {
        return project.text(path).map(file -> ProjectTemplate.containsPlaceholder(file.text())).orElse(false);
    }

    private static void reportJson(Project project, String path, Location at, String problem, Findings findings) {
        String invalid = "`" + path + "` is not valid JSON (" + problem + "); ";
        switch (path) {
            case "app.json" -> findings.report(Severity.WARNING, at, invalid + "a `git push` build does not read it, but"
                    + " Heroku cannot set up an app from it (review apps, Heroku CI, the Deploy button), fix the syntax");
            case "bower.json" -> {
                if (BuildpackList.of(project).stream().flatMap(list -> list.entries().stream())
                        .anyMatch(entry -> entry.kind() == BuildpackList.Kind.BOWER)) {
                    findings.report(Severity.WARNING, at, invalid + "the Bower buildpack's `bower install` cannot read it, fix the syntax");
                }
            }
            default -> findings.report(at, invalid + "the build cannot read it, fix the syntax");
        }
    }
}
