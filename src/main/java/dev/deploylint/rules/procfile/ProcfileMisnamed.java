package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** PF002: a file named like a Procfile that Heroku will not read. */
public final class ProcfileMisnamed implements Rule {

    @Override
    public String id() {
        return "PF002";
    }

    @Override
    public void check(Project project, Findings findings) {
        for (String path : misnamed(project)) {
            String message = path.contains("/")
                    ? "`" + path + "` is not read: Heroku reads the Procfile only at the app root; move it to `Procfile` at the root"
                    : "`" + path + "` is not read: Heroku reads only a file named exactly `Procfile` (capital P, no extension); rename it";
            findings.report(Location.startOf(path), message, rename(project, path));
        }
    }

    /**
     * Renames a misnamed root file to {@code Procfile} when it is the only candidate and plainly
     * meant to be it ({@code procfile}, {@code Procfile.txt}). A variant such as
     * {@code Procfile.windows} or {@code Procfile.dev} is often for local use only, and a Procfile
     * in a subfolder runs its commands from elsewhere: those are moved by hand.
     */
    private static Fix rename(Project project, String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (!(lower.equals("procfile") || lower.equals("procfile.txt")) || misnamed(project).size() != 1) {
            return null;
        }
        return project.text(path).map(file -> Fix.builder("renamed `" + path + "` to `Procfile`").rename(file, Procfile.PATH).build())
                .orElse(null);
    }

    /**
     * Without a root Procfile: root files named like one but not exactly, and the shallowest
     * Procfile in a subfolder. Variants next to a real Procfile ({@code Procfile.windows}) are fine.
     */
    static List<String> misnamed(Project project) {
        List<String> found = new ArrayList<>();
        if (project.files().exists(Procfile.PATH)) {
            return found;
        }
        for (String name : project.files().rootNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if ((lower.equals("procfile") || lower.startsWith("procfile.")) && project.files().isFile(name)) {
                found.add(name);
            }
        }
        if (found.isEmpty()) {
            project.files().filesNamed(Procfile.PATH).stream().filter(p -> p.contains("/")).findFirst().ifPresent(found::add);
        }
        return found;
    }
}
