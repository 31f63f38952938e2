package dev.deploylint.rules.runtime;

import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.rules.PythonAdvice;
import dev.deploylint.rules.data.PythonVersionTable;
import java.util.Optional;

/** The Python version the build will use, with how the buildpack's table treats it. */
record RequestedPython(PythonVersionFiles.Declared declared, PythonVersionTable.Status status, PythonVersionTable table, String fix) {

    static Optional<RequestedPython> of(Project project) {
        PythonVersionTable table = PythonVersionTable.get();
        return PythonVersionFiles.of(project).requested()
                .map(d -> new RequestedPython(d, table.status(d.major(), d.minor()), table, PythonAdvice.request(project, d.minorVersion())));
    }

    /** "Python 3.5.1 (runtime.txt)". */
    String describe() {
        return "Python " + declared.text() + " (" + declared.source() + ")";
    }
}
