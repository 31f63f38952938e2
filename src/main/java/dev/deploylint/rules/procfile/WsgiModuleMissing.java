package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.project.ModulePaths;
import dev.deploylint.project.ProcessCommand;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectTemplate;
import dev.deploylint.project.PythonSources;
import dev.deploylint.project.ServerCommand;
import java.util.List;
import java.util.Optional;

/**
 * PF005: the module a Procfile server is pointed at is not in the app, or does not define the
 * callable. Servers import it relative to the folder the process runs in (the app root, where
 * Heroku runs processes and which it puts on PYTHONPATH, or where a leading {@code cd DIR} went),
 * or to {@code --chdir} and {@code --pythonpath} when given.
 */
public final class WsgiModuleMissing implements Rule {

    @Override
    public String id() {
        return "PF005";
    }

    @Override
    public void check(Project project, Findings findings) {
        Procfile.of(project).ifPresent(procfile -> procfile.processes().stream()
                .filter(process -> !ProjectTemplate.containsPlaceholder(process.command()))
                .forEach(process -> process.parsed().invocations().forEach(invocation ->
                        ServerCommand.of(invocation).ifPresent(server -> check(project, server, findings)))));
    }

    private void check(Project project, ServerCommand server, Findings findings) {
        Optional<ProcessCommand.Word> app = server.app();
        if (app.isEmpty() || app.get().variable()) {
            return;
        }
        String spec = app.get().text();
        if (spec.endsWith(".py") || spec.contains("/")) {
            findings.report(app.get().at(), "`" + server.server() + "` takes a dotted module path, not a file path: write `"
                    + spec.replaceAll("\\.py$", "").replace('/', '.') + "`");
            return;
        }
        String module = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        String variable = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1).replaceAll("\\(.*$", "") : null;
        List<String> roots = server.moduleRoots();
        if (roots.isEmpty()) {
            return;
        }
        Optional<String> path = resolve(project, roots, module);
        if (path.isEmpty()) {
            findings.report(app.get().at(), "`" + module + "` is not a module of this app: there is no `"
                    + module.replace('.', '/') + ".py` " + where(roots) + ", so the dyno crashes at boot (H10); " + hint(project, module));
            return;
        }
        String wanted = variable != null ? variable : server.defaultVariable().orElse(null);
        if (wanted == null || wanted.isEmpty() || !wanted.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return;
        }
        Optional<PythonModule> parsed = PythonSources.of(project).module(path.get());
        if (parsed.isEmpty() || !parsed.get().problems().isEmpty()) {
            return;
        }
        ModuleEvaluator.Namespace namespace = ModuleEvaluator.evaluate(
                new ModuleEvaluator.LoadedModule(module, path.get().endsWith("__init__.py"), parsed.get()),
                dotted -> resolve(project, roots, dotted).flatMap(p -> PythonSources.of(project).module(p)
                        .map(m -> new ModuleEvaluator.LoadedModule(dotted, p.endsWith("__init__.py"), m)))).namespace();
        if (!namespace.opaque() && namespace.get(wanted).isEmpty()) {
            findings.report(app.get().at(), "`" + path.get() + "` defines no `" + wanted + "`, so `" + server.server()
                    + "` cannot load the app; point it at the callable with `" + module + ":<name>`");
        }
    }

    private static Optional<String> resolve(Project project, List<String> roots, String module) {
        return ModulePaths.resolve(project.files(), roots, module);
    }

    private static String where(List<String> roots) {
        return roots.size() == 1 && roots.get(0).isEmpty() ? "at the app root"
                : "under " + String.join(", ", roots.stream().map(r -> r.isEmpty() ? "the app root" : "`" + r + "/`").toList());
    }

    private static String hint(Project project, String module) {
        String last = module.substring(module.lastIndexOf('.') + 1);
        List<String> candidates = project.files().filesNamed(last + ".py");
        if (candidates.isEmpty()) {
            return "fix the module path";
        }
        String found = candidates.get(0);
        String folder = found.contains("/") ? found.substring(0, found.lastIndexOf('/')) : "";
        int split = folder.lastIndexOf('/');
        if (split < 0) {
            return "did you mean `" + (folder.isEmpty() ? last : folder + "." + last) + "`?";
        }
        return "did you mean `--chdir " + folder.substring(0, split) + " " + folder.substring(split + 1) + "." + last + "`?";
    }
}
