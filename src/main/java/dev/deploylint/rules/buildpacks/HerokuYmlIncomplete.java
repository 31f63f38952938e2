package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.HerokuYml;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;

/** HK006: a heroku.yml that cannot build an image (Dev Center, build-docker-images-heroku-yml). */
public final class HerokuYmlIncomplete implements Rule {

    @Override
    public String id() {
        return "HK006";
    }

    @Override
    public void check(Project project, Findings findings) {
        HerokuYml.of(project).filter(HerokuYml::isValid).ifPresent(manifest -> {
            if (manifest.buildDocker().isEmpty()) {
                Location at = manifest.key("build").map(HerokuYml.Key::at).orElse(Location.startOf(HerokuYml.PATH));
                findings.report(at, "`heroku.yml` has no `build.docker` section, so Heroku has no Dockerfile to build the app from;"
                        + " add `build:` with `docker:` and `web: Dockerfile`");
                return;
            }
            for (HerokuYml.DockerImage image : manifest.images()) {
                String path = image.dockerfile().startsWith("./") ? image.dockerfile().substring(2) : image.dockerfile();
                if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("$")) {
                    continue;
                }
                if (!project.files().isFile(path)) {
                    findings.report(image.at(), "`heroku.yml` builds the `" + image.process() + "` image from `" + image.dockerfile()
                            + "`, which is not in the app, so the build fails; commit that Dockerfile or fix the path");
                }
            }
        });
    }
}
