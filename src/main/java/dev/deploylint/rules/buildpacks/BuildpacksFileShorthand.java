package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.BuildpackList;
import dev.deploylint.project.Project;
import java.util.List;
import java.util.Locale;

/**
 * BP006: heroku-buildpack-multi passes each .buildpacks entry to {@code git clone} or downloads a
 * .tgz (bin/compile). Heroku ignores .buildpacks unless the app runs buildpack-multi, so this is an
 * error only when the app certainly does (app.json's {@code buildpacks} or a {@code BUILDPACK_URL}
 * config var names it), otherwise a warning.
 */
public final class BuildpacksFileShorthand implements Rule {

    /** Official buildpacks whose repository is heroku/heroku-buildpack-NAME. */
    private static final String MULTI = "heroku-buildpack-multi";

    private static final List<String> OFFICIAL = List.of("python", "nodejs", "ruby", "php", "java", "go", "gradle", "scala", "clojure");

    @Override
    public String id() {
        return "BP006";
    }

    @Override
    public void check(Project project, Findings findings) {
        boolean multi = usesBuildpackMulti(project);
        for (BuildpackList list : BuildpackList.of(project)) {
            if (!list.source().equals(BuildpackList.DOT_BUILDPACKS)) {
                continue;
            }
            for (BuildpackList.Entry entry : list.entries()) {
                if (entry.url().contains("://") || entry.url().startsWith("git@")) {
                    continue;
                }
                String name = entry.url().toLowerCase(Locale.ROOT);
                String language = name.startsWith("heroku/") ? name.substring("heroku/".length()) : "";
                String fix = OFFICIAL.contains(language)
                        ? "use `https://github.com/heroku/heroku-buildpack-" + language + ".git`"
                        : "use the buildpack's git or .tgz URL";
                if (multi) {
                    findings.report(entry.at(), "`" + entry.url() + "` in `.buildpacks` is not a git or .tgz URL, and"
                            + " heroku-buildpack-multi does not understand shorthand names, so cloning it fails the build; " + fix);
                } else {
                    findings.report(Severity.WARNING, entry.at(), "`" + entry.url() + "` in `.buildpacks` is not a git or .tgz"
                            + " URL: if the app's buildpack is heroku-buildpack-multi (`heroku buildpacks`), which does not"
                            + " understand shorthand names, cloning it fails the build (otherwise Heroku ignores `.buildpacks`); " + fix);
                }
            }
        }
    }

    private static boolean usesBuildpackMulti(Project project) {
        String configVar = project.environment().get("BUILDPACK_URL");
        return (configVar != null && configVar.contains(MULTI)) || BuildpackList.of(project).stream()
                .filter(list -> !list.source().equals(BuildpackList.DOT_BUILDPACKS))
                .flatMap(list -> list.entries().stream())
                .anyMatch(entry -> entry.url().contains(MULTI));
    }
}
