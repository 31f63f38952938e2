package dev.deploylint.rules.buildpacks;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.BuildpackList;
import dev.deploylint.project.Project;
import dev.deploylint.rules.data.PythonBuildpacks;
import java.util.List;
import java.util.Optional;

/**
 * BP008: a community buildpack that exports a Poetry or uv lock file to requirements.txt
 * (rules/data/python-buildpacks.yaml). Listed before the official Python buildpack, the generated
 * requirements.txt next to the committed lock makes the official one stop with "Multiple Python package
 * manager files were found" (lib/package_manager.sh, an error since v325, whose message names these
 * buildpacks); without the files it detects, its own detection fails. Listed after, it only repeats work
 * the official buildpack does itself since it supports Poetry and uv.
 */
public final class ThirdPartyPythonBuildpack implements Rule {

    @Override
    public String id() {
        return "BP008";
    }

    @Override
    public void check(Project project, Findings findings) {
        for (BuildpackList list : BuildpackList.of(project)) {
            List<BuildpackList.Entry> entries = list.entries();
            Optional<BuildpackList.Entry> official = entries.stream().filter(e -> e.kind() == BuildpackList.Kind.PYTHON).findFirst();
            for (int i = 0; i < entries.size(); i++) {
                BuildpackList.Entry entry = entries.get(i);
                Optional<PythonBuildpacks.Entry> known = PythonBuildpacks.get().find(entry.url());
                if (known.isEmpty()) {
                    continue;
                }
                PythonBuildpacks.Entry bp = known.get();
                String name = "`" + entry.url() + "` (a community " + bp.manager() + " buildpack, in " + list.source() + ")";
                List<String> missing = bp.detects().stream().filter(f -> !project.files().isFile(f)).toList();
                if (!missing.isEmpty()) {
                    findings.report(entry.at(), name + " detects only apps with `" + String.join("`, `", missing)
                            + "` at the root, which this app lacks, so its detection fails and the build stops with"
                            + " \"App not compatible with buildpack\"; remove it: the official Python buildpack installs "
                            + bp.manager() + " apps itself");
                    continue;
                }
                int officialAt = official.map(entries::indexOf).orElse(-1);
                if (officialAt > i && project.files().isFile(bp.lock())) {
                    findings.report(entry.at(), name + " writes `" + String.join("` and `", bp.writes()) + "` before the official"
                            + " Python buildpack runs, which then finds that `requirements.txt` next to `" + bp.lock()
                            + "` and stops with \"Multiple Python package manager files were found\"; remove this buildpack:"
                            + " the official one installs from `" + bp.lock() + "` itself",
                            new Evidence(official.get().at(), "the official Python buildpack runs after it"));
                } else if (officialAt >= 0 && officialAt < i) {
                    findings.report(Severity.WARNING, entry.at(), name + " runs after the official Python buildpack, which"
                            + " already installed the app, so it only repeats the work; remove it");
                }
            }
        }
    }
}
