package dev.deploylint.rules.dependencies;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.project.PackageManagers;
import dev.deploylint.source.SourceFile;
import dev.deploylint.project.Version;
import dev.deploylint.rules.data.PackageReleases;
import java.util.Optional;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.ProcessCommand;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Map;

/** RQ002: a Procfile runs a server or wrapper that no dependency installs. */
public final class WebServerNotInstalled implements Rule {

    /** Commands a Procfile runs and the package that provides each. */
    private static final Map<String, String> PROVIDERS = Map.of(
            "gunicorn", "gunicorn",
            "uvicorn", "uvicorn",
            "daphne", "daphne",
            "waitress-serve", "waitress",
            "hypercorn", "hypercorn",
            "granian", "granian",
            "newrelic-admin", "newrelic",
            "ddtrace-run", "ddtrace");

    @Override
    public String id() {
        return "RQ002";
    }

    @Override
    public void check(Project project, Findings findings) {
        if (!AppFacts.dependenciesFullyKnown(project)) {
            return;
        }
        Dependencies dependencies = Dependencies.of(project);
        Procfile.of(project).ifPresent(procfile -> procfile.processes().forEach(process -> {
            for (ProcessCommand.Invocation invocation : process.parsed().invocations()) {
                for (ProcessCommand.Word wrapper : invocation.wrappers()) {
                    check(project, wrapper, dependencies, findings);
                }
                check(project, invocation.program(), dependencies, findings);
            }
        }));
    }

    private static void check(Project project, ProcessCommand.Word word, Dependencies dependencies, Findings findings) {
        String command = word.text().substring(word.text().lastIndexOf('/') + 1);
        String pkg = PROVIDERS.get(command);
        if (pkg == null || dependencies.declares(pkg)) {
            return;
        }
        findings.report(word.at(), "`" + command + "` is not installed: no dependency provides it, so the dyno crashes with `"
                + command + ": command not found` (H10); add `" + pkg + "` to the app's dependencies", addition(project, pkg));
    }

    /**
     * Appends {@code pkg} to requirements.txt, when pip installs from it alone, with a range that
     * allows the newest release the data table knows and no next major ({@code gunicorn>=26.0,<27}).
     */
    private static Fix addition(Project project, String pkg) {
        PackageManagers managers = PackageManagers.of(project);
        Optional<Version> newest = PackageReleases.get().newest(pkg);
        Optional<SourceFile> requirements = project.text("requirements.txt");
        if (!managers.manager().equals(Optional.of("pip")) || managers.pipfile() || managers.pyproject() || newest.isEmpty()
                || requirements.isEmpty()) {
            return null;
        }
        int major = newest.get().part(0);
        String line = pkg + ">=" + major + ".0,<" + (major + 1);
        String text = requirements.get().text();
        String lineBreak = requirements.get().lineBreak();
        boolean open = !text.isEmpty() && !text.endsWith("\n") && !text.endsWith("\r");
        return Fix.builder("added `" + line + "` to requirements.txt")
                .insert(requirements.get(), text.length(), (open ? lineBreak : "") + line + lineBreak).build();
    }
}
