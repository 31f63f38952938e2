package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.source.SourceFile;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.PackageManagers;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.rules.PythonAdvice;
import dev.deploylint.rules.data.PythonVersionTable;
import dev.deploylint.source.Location;
import java.util.Optional;

/** PY005: runtime.txt, deprecated since buildpack v276 and an error with uv. */
public final class RuntimeTxtDeprecated implements Rule {

    @Override
    public String id() {
        return "PY005";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (!project.files().isFile(PythonVersionFiles.RUNTIME_TXT)) {
            return;
        }
        PythonVersionTable table = PythonVersionTable.get();
        Optional<String> minor = PythonVersionFiles.of(project).runtimeTxt()
                .filter(d -> table.status(d.major(), d.minor()) == PythonVersionTable.Status.SUPPORTED)
                .map(PythonVersionFiles.Declared::minorVersion)
                .or(() -> PythonAdvice.newestFitting(project));
        boolean uv = PackageManagers.of(project).usesUv();
        String fix = minor.map(m -> "delete runtime.txt and add a `.python-version` file containing `" + m + "`")
                .orElse("delete runtime.txt and add a `.python-version` file; " + PythonAdvice.request(project));
        Fix replacement = replacement(project, table);
        if (uv) {
            findings.report(Severity.ERROR, Location.startOf(PythonVersionFiles.RUNTIME_TXT),
                    "runtime.txt isn't supported with uv and the build fails; " + fix, replacement);
        } else {
            findings.report(null, Location.startOf(PythonVersionFiles.RUNTIME_TXT),
                    "runtime.txt is deprecated and will become a build error; " + fix, replacement);
        }
    }

    /**
     * runtime.txt's own supported version as major.minor in a new {@code .python-version} (the
     * buildpack then installs that minor's newest patch, as it recommends), when no
     * {@code .python-version} exists; null when runtime.txt names no supported version.
     */
    private static Fix replacement(Project project, PythonVersionTable table) {
        // Without runtime.txt the buildpack stops at a misspelled .python-version: that is fixed by hand first.
        if (project.files().exists(PythonVersionFiles.PYTHON_VERSION) || PythonVersionFileMisspelled.anyMisspelled(project)) {
            return null;
        }
        Optional<String> own = PythonVersionFiles.of(project).runtimeTxt()
                .filter(d -> table.status(d.major(), d.minor()) == PythonVersionTable.Status.SUPPORTED)
                .map(PythonVersionFiles.Declared::minorVersion);
        Optional<SourceFile> file = project.text(PythonVersionFiles.RUNTIME_TXT);
        if (own.isEmpty() || file.isEmpty()) {
            return null;
        }
        return Fix.builder("replaced runtime.txt by `.python-version` containing `" + own.get() + "`")
                .create(PythonVersionFiles.PYTHON_VERSION, own.get() + "\n").delete(file.get()).build();
    }
}
