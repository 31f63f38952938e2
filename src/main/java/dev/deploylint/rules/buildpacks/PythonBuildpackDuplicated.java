package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.BuildpackList;
import dev.deploylint.project.Project;

/** BP003: the Python buildpack stops when it runs a second time in one build (lib/checks.sh, v351). */
public final class PythonBuildpackDuplicated implements Rule {

    @Override
    public String id() {
        return "BP003";
    }

    @Override
    public void check(Project project, Findings findings) {
        for (BuildpackList list : BuildpackList.of(project)) {
            BuildpackList.Entry first = null;
            for (BuildpackList.Entry entry : list.entries()) {
                if (entry.kind() != BuildpackList.Kind.PYTHON) {
                    continue;
                }
                if (first == null) {
                    first = entry;
                } else {
                    findings.report(entry.at(), "`" + entry.url() + "` lists the Python buildpack in " + list.source()
                            + " a second time (after `" + first.url() + "`), so the build fails with \"The Python buildpack has"
                            + " already been run this build.\"; remove one of them", new Evidence(first.at(), "first listed here"));
                }
            }
        }
    }
}
