package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.parse.python.SourceScanner;
import dev.deploylint.source.SourceFile;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.BuildpackList;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import java.util.List;

/**
 * BP001: with Node.js assets, the buildpack list must run nodejs (and bower) before python, whose
 * collectstatic needs node and the npm-built assets, and apt before python, whose pip install needs
 * its libraries. Buildpacks that only wrap the start command may follow python: pgbouncer
 * ({@code bin/start-pgbouncer} in the Procfile) and nginx ({@code bin/start-nginx}) add nothing the
 * Python build reads (their READMEs, heroku/heroku-buildpack-pgbouncer, heroku/heroku-buildpack-nginx).
 */
public final class BuildpacksOutOfOrder implements Rule {

    @Override
    public String id() {
        return "BP001";
    }

    @Override
    public void check(Project project, Findings findings) {
        boolean packageJson = project.files().isFile("package.json");
        boolean bowerJson = project.files().isFile("bower.json");
        if (!packageJson && !bowerJson) {
            return;
        }
        Severity severity = project.files().exists(Procfile.PATH) ? null : Severity.ERROR;
        for (BuildpackList list : BuildpackList.of(project)) {
            List<BuildpackList.Entry> entries = list.entries();
            int python = lastIndexOf(entries, BuildpackList.Kind.PYTHON);
            if (python < 0) {
                continue;
            }
            BuildpackList.Entry pythonEntry = entries.get(python);
            Fix reorder = reorder(project, list, python);
            for (BuildpackList.Entry after : entries.subList(python + 1, entries.size())) {
                if (after.kind() == BuildpackList.Kind.NODEJS || after.kind() == BuildpackList.Kind.BOWER || isApt(after.url())) {
                    boolean web = severity != null && after.kind() != BuildpackList.Kind.OTHER;
                    findings.report(web ? severity : null, pythonEntry.at(), "`" + after.url()
                            + "` runs after the Python buildpack in " + list.source() + ", so "
                            + (isApt(after.url()) ? "its system libraries are missing when pip installs the dependencies"
                                    : "node and the npm-built assets are missing when the Python build runs collectstatic")
                            + (web ? ", and without a Procfile its default `web: npm start` replaces the web command" : "")
                            + "; list it before python", reorder);
                    break;
                }
            }
            if (packageJson && lastIndexOf(entries, BuildpackList.Kind.NODEJS) < 0) {
                findings.report(pythonEntry.at(), list.source() + " has no Node.js buildpack, so `package.json` is never installed"
                        + " before the Python build; list `heroku/nodejs` before python");
            }
        }
    }

    /**
     * Moves python just after the last buildpack that must run before it, the others keeping their
     * order: each item's text goes into the slot of the one it replaces, so commas, blanks and
     * comments stay where they are. Null when every item's extent cannot be found.
     */
    private static Fix reorder(Project project, BuildpackList list, int python) {
        List<BuildpackList.Entry> entries = list.entries();
        int last = -1;
        for (int i = python + 1; i < entries.size(); i++) {
            BuildpackList.Entry entry = entries.get(i);
            if (entry.kind() == BuildpackList.Kind.NODEJS || entry.kind() == BuildpackList.Kind.BOWER || isApt(entry.url())) {
                last = i;
            }
        }
        java.util.Optional<SourceFile> file = project.text(list.source());
        if (last < 0 || file.isEmpty()) {
            return null;
        }
        String text = file.get().text();
        List<int[]> slots = new java.util.ArrayList<>();
        for (BuildpackList.Entry entry : entries) {
            int start = file.get().offsetOf(entry.item());
            int end = text.charAt(start) == '{' ? SourceScanner.closing(text, start) + 1
                    : entry.item().equals(entry.at()) && !list.source().equals("app.json") ? start + entry.url().length() : 0;
            if (end <= start) {
                return null;
            }
            slots.add(new int[] {start, end});
        }
        List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (i != python) {
                order.add(i);
            }
            if (i == last) {
                order.add(python);
            }
        }
        Fix.Builder fix = Fix.builder("moved the Python buildpack after `" + entries.get(last).url() + "` in " + list.source());
        for (int slot = 0; slot < slots.size(); slot++) {
            int source = order.get(slot);
            if (source != slot) {
                fix.replace(file.get(), slots.get(slot)[0], slots.get(slot)[1], text.substring(slots.get(source)[0], slots.get(source)[1]));
            }
        }
        return fix.build();
    }

    private static boolean isApt(String url) {
        return url.equals("heroku-community/apt") || url.contains("heroku-buildpack-apt");
    }

    private static int lastIndexOf(List<BuildpackList.Entry> entries, BuildpackList.Kind kind) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }
}
