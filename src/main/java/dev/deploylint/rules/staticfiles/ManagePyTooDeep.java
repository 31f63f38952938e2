package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.FileTree;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;
import java.util.List;

/**
 * ST018: the buildpack looks for manage.py with {@code find . -maxdepth 3} and skips collectstatic
 * without an error when it finds none (bin/steps/collectstatic, v351).
 */
public final class ManagePyTooDeep implements Rule {

    @Override
    public String id() {
        return "ST018";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        if (!django.isDjango() || django.managePy().isPresent()) {
            return;
        }
        List<String> deep = project.files().filesNamed("manage.py").stream()
                .filter(path -> !path.startsWith(".heroku/") && !path.contains("/site-packages/") && !path.contains("node_modules/"))
                .toList();
        if (deep.isEmpty()) {
            return;
        }
        String path = deep.get(0);
        long folders = FileTree.depth(path);
        findings.report(Location.startOf(path), "`" + path + "` is " + folders + " folders below the app root, but the Heroku build"
                + " looks for manage.py at most 2 folders down, so collectstatic is silently skipped and the app has no static files;"
                + " move the Django project up, or run `python " + path + " collectstatic --noinput` in `bin/post_compile`");
    }
}
