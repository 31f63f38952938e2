package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.Dependency;
import dev.deploylint.project.DeployStyle;
import dev.deploylint.project.EnvironmentMarker;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.project.VersionSpecifier;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.data.DjangoPythonTable;
import dev.deploylint.rules.data.PythonVersionTable;
import dev.deploylint.rules.data.UninstallablePackages;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * RQ012: a dependency from rules/data/uninstallable-packages.yaml that pip cannot install on a Heroku
 * dyno (Linux, CPython 3). Declarations whose environment marker keeps them off Linux, or off the
 * app's Python, are skipped, and so is anything the marker or the version range leaves undecided.
 * poetry.lock and uv.lock are not read: they lock every platform's packages, Windows ones included.
 */
public final class PackageCannotInstall implements Rule {

    @Override
    public String id() {
        return "RQ012";
    }

    @Override
    public void check(Project project, Findings findings) {
        UninstallablePackages table = UninstallablePackages.get();
        Optional<PythonVersionFiles.Declared> declared = DeployStyle.declaredPython(project);
        boolean container = DeployStyle.of(project).isContainer();
        List<String> pythons = declared.map(d -> List.of(d.minorVersion()))
                .orElseGet(() -> container ? List.of() : buildpackPythons());
        Set<String> reported = new HashSet<>();
        for (Dependency dependency : Dependencies.of(project).all()) {
            Optional<UninstallablePackages.Entry> found = table.find(dependency.name());
            if (found.isEmpty() || reported.contains(dependency.name()) || isCrossPlatformLock(dependency)) {
                continue;
            }
            UninstallablePackages.Entry entry = found.get();
            if (EnvironmentMarker.evaluate(dependency.marker(), pythons) != EnvironmentMarker.Verdict.TRUE || !affected(entry, dependency)) {
                continue;
            }
            String on = declared.map(d -> "Python " + d.minorVersion() + " (" + d.source() + ")")
                    .orElse(container ? "" : "Python " + PythonVersionTable.get().defaultPython() + " (the buildpack default)");
            Severity severity = Severity.ERROR;
            switch (entry.kind()) {
                case PYTHON2_ONLY -> {
                    if (pythons.isEmpty() || pythons.stream().anyMatch(p -> !p.startsWith("3."))) {
                        continue;
                    }
                }
                case NO_WHEEL_FOR_PYTHON -> {
                    String python = declared.map(PythonVersionFiles.Declared::minorVersion)
                            .orElse(container ? null : PythonVersionTable.get().defaultPython());
                    if (python == null || !python.startsWith("3.") || DjangoPythonTable.compareMinor(python, entry.pythonFrom().orElseThrow()) < 0) {
                        continue;
                    }
                    // Without a declared version a previous build's Python may stick, which may be older.
                    severity = declared.isPresent() ? Severity.ERROR : Severity.WARNING;
                }
                default -> on = "Heroku's Linux dynos";
            }
            reported.add(dependency.name());
            findings.report(severity, dependency.at(), "`" + dependency.describe().replace(" (unpinned)", "") + "` " + entry.why()
                    + ", so pip cannot install it and the build fails on " + on + "; " + entry.fix(), AppFacts.because(dependency));
        }
    }

    /** Every Python minor the buildpack builds: any of them may be the one an undeclared app runs on. */
    private static List<String> buildpackPythons() {
        return PythonVersionTable.get().pythons().stream()
                .filter(m -> m.status() == PythonVersionTable.Status.SUPPORTED || m.status() == PythonVersionTable.Status.DEPRECATED)
                .map(PythonVersionTable.Minor::name).toList();
    }

    private static boolean isCrossPlatformLock(Dependency dependency) {
        String path = dependency.at().path();
        return path.endsWith("poetry.lock") || path.endsWith("uv.lock");
    }

    /** True when the release pip installs is certainly one the entry covers. */
    private static boolean affected(UninstallablePackages.Entry entry, Dependency dependency) {
        if (entry.everyRelease()) {
            return true;
        }
        if (dependency.pinned().isPresent()) {
            return entry.affects(dependency.pinned().get());
        }
        Optional<VersionSpecifier> specifier = VersionSpecifier.parse(dependency.specifier());
        if (specifier.isEmpty()) {
            return false;
        }
        if (entry.below().isPresent()) {
            // An open range installs the newest release, which is past `below`.
            return entry.from().isEmpty() && specifier.get().allBelow(entry.below().get());
        }
        // Only `from`: the newest release is affected unless the range stays below `from`.
        return !specifier.get().allBelow(entry.from().get())
                && specifier.get().clauses().stream().noneMatch(c -> c.op().startsWith("<") || c.op().equals("~=") || c.prefix());
    }
}
