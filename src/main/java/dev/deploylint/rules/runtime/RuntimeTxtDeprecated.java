package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Findings;
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
        if (uv) {
            findings.report(Severity.ERROR, Location.startOf(PythonVersionFiles.RUNTIME_TXT),
                    "runtime.txt isn't supported with uv and the build fails; " + fix);
        } else {
            findings.report(Location.startOf(PythonVersionFiles.RUNTIME_TXT),
                    "runtime.txt is deprecated and will become a build error; " + fix);
        }
    }
}
