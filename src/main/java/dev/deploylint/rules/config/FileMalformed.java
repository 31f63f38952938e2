package dev.deploylint.rules.config;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.json.JsonDocument;
import dev.deploylint.parse.toml.TomlDocument;
import dev.deploylint.project.HerokuYml;
import dev.deploylint.project.Project;
import dev.deploylint.project.StructuredFiles;

/** DL002: a JSON, TOML or YAML file of the app that does not parse, at the position of the error. */
public final class FileMalformed implements Rule {

    @Override
    public String id() {
        return "DL002";
    }

    @Override
    public void check(Project project, Findings findings) {
        for (String path : StructuredFiles.JSON_FILES) {
            StructuredFiles.json(project, path).filter(doc -> !doc.isValid()).map(JsonDocument::problem)
                    .ifPresent(problem -> findings.report(problem.location(), "`" + path + "` is not valid JSON ("
                            + problem.message().replaceFirst("^invalid JSON: ", "") + "); Heroku cannot read it, fix the syntax"));
        }
        for (String path : StructuredFiles.TOML_FILES) {
            StructuredFiles.toml(project, path).filter(doc -> !doc.isValid()).map(TomlDocument::problem)
                    .ifPresent(problem -> findings.report(problem.location(), "`" + path + "` is not valid TOML ("
                            + problem.message().replaceFirst("^invalid TOML: ", "") + "); the build cannot read it, fix the syntax"));
        }
        HerokuYml.of(project).flatMap(HerokuYml::problem).ifPresent(problem -> findings.report(problem.location(),
                "`heroku.yml` is not valid YAML (" + problem.message() + "); Heroku cannot read the build manifest, fix the syntax"));
    }
}
