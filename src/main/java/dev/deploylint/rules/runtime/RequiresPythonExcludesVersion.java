package dev.deploylint.rules.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.toml.TomlDocument;
import dev.deploylint.project.PackageManagers;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.project.StructuredFiles;
import dev.deploylint.project.Version;
import dev.deploylint.project.VersionSpecifier;
import dev.deploylint.rules.data.PythonVersionTable;
import dev.deploylint.source.Location;
import java.util.Optional;

/**
 * PY012: uv is kept from downloading another Python ({@code UV_PYTHON_DOWNLOADS=never}), so a
 * requires-python that excludes the requested version fails {@code uv sync} (buildpack fixture
 * uv_mismatched_python_version, v351). Poetry's behaviour is untested upstream (its spec is
 * disabled for python-poetry/poetry#10226), hence a warning.
 */
public final class RequiresPythonExcludesVersion implements Rule {

    @Override
    public String id() {
        return "PY012";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<String> manager = PackageManagers.of(project).manager();
        if (manager.isEmpty() || !(manager.get().equals("uv") || manager.get().equals("poetry"))) {
            return;
        }
        boolean uv = manager.get().equals("uv");
        Optional<PythonVersionFiles.Declared> declared = PythonVersionFiles.of(project).requested()
                .filter(d -> d.source().equals(PythonVersionFiles.PYTHON_VERSION));
        Optional<TomlDocument> pyproject = StructuredFiles.validToml(project, "pyproject.toml");
        if (declared.isEmpty() || pyproject.isEmpty()) {
            return;
        }
        Optional<Version> candidate = candidate(declared.get());
        if (candidate.isEmpty()) {
            return;
        }
        TomlDocument doc = pyproject.get();
        String tool = uv ? "`uv sync`" : "`poetry sync`";
        String consequence = uv ? " fails and so does the build" : " may refuse to install into it";
        Severity severity = uv ? Severity.ERROR : Severity.WARNING;
        JsonNode requires = doc.root().path("project").path("requires-python");
        if (requires.isTextual()) {
            report(findings, severity, doc.locate("requires-python"), "`requires-python = \"" + requires.asText() + "\"`",
                    requires.asText(), declared.get(), candidate.get(), tool + consequence);
        }
        JsonNode poetryPython = doc.root().path("tool").path("poetry").path("dependencies").path("python");
        if (!uv && poetryPython.isTextual()) {
            report(findings, severity, doc.locate("python =", "python="), "`[tool.poetry.dependencies] python = \""
                    + poetryPython.asText() + "\"`", poetryPython.asText(), declared.get(), candidate.get(), tool + consequence);
        }
    }

    private static void report(Findings findings, Severity severity, Location at, String what, String specifier,
                               PythonVersionFiles.Declared declared, Version candidate, String consequence) {
        Optional<VersionSpecifier> parsed = VersionSpecifier.parse(specifier);
        if (parsed.isEmpty() || parsed.get().clauses().isEmpty() || parsed.get().allows(candidate)) {
            return;
        }
        String version = declared.patch() == null ? "Python " + candidate + ", which `" + declared.text() + "` in " + declared.source()
                + " installs today" : "Python " + declared.text() + " requested by " + declared.source();
        findings.report(severity, at, what + " does not allow " + version + ", so "
                + consequence + "; change " + declared.source() + " to a version it allows, or widen the range");
    }

    /** The version the build installs: as written, or the newest patch of an N.N request. */
    private static Optional<Version> candidate(PythonVersionFiles.Declared declared) {
        if (declared.patch() != null) {
            return Version.parse(declared.text());
        }
        return PythonVersionTable.get().find(declared.major(), declared.minor())
                .map(PythonVersionTable.Minor::latestPatch).flatMap(Version::parse);
    }
}
