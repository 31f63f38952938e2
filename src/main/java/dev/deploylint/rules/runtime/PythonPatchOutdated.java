package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.project.Version;

/**
 * PY009: an N.N.N pin older than the newest patch the buildpack knows. Like the buildpack, not
 * for a version from Pipfile.lock (lib/python_version.sh, v351, L647-L649, L713-L746).
 */
public final class PythonPatchOutdated implements Rule {

    @Override
    public String id() {
        return "PY009";
    }

    @Override
    public void check(Project project, Findings findings) {
        RequestedPython.of(project)
                .filter(r -> r.declared().patch() != null)
                .filter(r -> !r.declared().source().equals("Pipfile.lock"))
                .ifPresent(r -> r.table().find(r.declared().major(), r.declared().minor())
                        .filter(minor -> minor.latestPatch() != null)
                        .filter(minor -> Version.parse(r.declared().text()).orElseThrow()
                                .compareTo(Version.parse(minor.latestPatch()).orElseThrow()) < 0)
                        .ifPresent(minor -> {
                            String request = r.declared().source().equals(PythonVersionFiles.RUNTIME_TXT)
                                    ? "python-" + minor.name() : minor.name();
                            findings.report(r.declared().at(), r.describe() + " misses the bug and security fixes of newer patch"
                                    + " releases (the newest " + minor.name() + " is " + minor.latestPatch() + "); request `"
                                    + request + "` to always get the newest patch");
                        }));
    }
}
