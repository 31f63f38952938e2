package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.project.Version;
import dev.deploylint.rules.data.PythonVersionTable;

/** PY003: a Python version newer than the buildpack knows, or a patch release that does not exist. */
public final class PythonVersionUnknown implements Rule {

    @Override
    public String id() {
        return "PY003";
    }

    @Override
    public void check(Project project, Findings findings) {
        RequestedPython.of(project).ifPresent(r -> {
            PythonVersionFiles.Declared declared = r.declared();
            String newest = r.table().newest().name();
            if (r.status() == PythonVersionTable.Status.UNKNOWN) {
                if (r.table().mayBeNewerThanTable(declared.major(), declared.minor())) {
                    findings.report(Severity.WARNING, declared.at(), r.describe() + " is newer than every version deploylint knows"
                            + " (newest " + newest + "), but deploylint's data may be out of date (" + r.table().dataDate()
                            + "); if the buildpack's changelog does not list Python " + declared.minorVersion()
                            + " the build fails, so check it or " + r.fix());
                    return;
                }
                findings.report(declared.at(), r.describe() + " isn't recognised by the Heroku Python buildpack, whose newest"
                        + " version is " + newest + ", so the build fails; " + r.fix());
                return;
            }
            if (declared.patch() == null) {
                return;
            }
            r.table().find(declared.major(), declared.minor())
                    .filter(minor -> minor.latestPatch() != null)
                    .ifPresent(minor -> {
                        int latest = Version.parse(minor.latestPatch()).orElseThrow().part(2);
                        if (declared.patch() <= latest) {
                            return;
                        }
                        String cure = "request `" + minor.name() + "` to always get the newest patch";
                        if (declared.patch() - latest <= PythonVersionTable.PLAUSIBLE_NEWER_PATCHES) {
                            findings.report(Severity.WARNING, declared.at(), r.describe() + " is newer than " + minor.latestPatch()
                                    + ", the newest " + minor.name() + " release deploylint knows, but deploylint's data may be out of"
                                    + " date (" + r.table().dataDate() + "); if the buildpack does not offer it yet the build fails,"
                                    + " so " + cure);
                            return;
                        }
                        findings.report(declared.at(), r.describe() + " does not exist: the newest " + minor.name()
                                + " release the buildpack knows is " + minor.latestPatch() + ", so the build fails; " + cure);
                    });
        });
    }
}
