package dev.deploylint.rules.runtime;

import dev.deploylint.lint.Fix;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.source.SourceFile;
import dev.deploylint.rules.PythonAdvice;
import dev.deploylint.rules.data.PythonVersionTable;
import java.util.Optional;

/**
 * The unsafe fix of PY002 and PY004: the version in {@code .python-version} replaced by the newest
 * supported Python the app's pins allow (the one their messages name). Unsafe: the app then runs
 * on a Python it was not tested with.
 */
final class PythonVersionUpgrade {

    private PythonVersionUpgrade() {
    }

    static Fix of(Project project, RequestedPython requested) {
        PythonVersionFiles.Declared declared = requested.declared();
        if (!declared.source().equals(PythonVersionFiles.PYTHON_VERSION)) {
            return null;
        }
        Optional<String> target = PythonAdvice.newestFitting(project)
                .filter(minor -> PythonVersionTable.get().pythons().stream()
                        .anyMatch(m -> m.name().equals(minor) && m.status() == PythonVersionTable.Status.SUPPORTED));
        Optional<SourceFile> file = project.text(PythonVersionFiles.PYTHON_VERSION);
        if (target.isEmpty() || file.isEmpty()) {
            return null;
        }
        int start = file.get().offsetOf(declared.at());
        if (!file.get().text().startsWith(declared.text(), start)) {
            return null;
        }
        return Fix.builder("requested Python " + target.get() + " instead of " + declared.text() + " in .python-version")
                .replace(file.get(), start, start + declared.text().length(), target.get()).build();
    }
}
