package dev.deploylint.rules.staticfiles;

import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.project.FileTree;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The app's wsgi.py modules (within three folders of the root), evaluated for their imports and calls. */
final class WsgiModules {

    private WsgiModules() {
    }

    /** Evaluated once per project, whichever rule asks first. */
    static List<ModuleEvaluator.Evaluation> of(Project project) {
        return project.view(WsgiModules.class, WsgiModules::evaluate);
    }

    private static List<ModuleEvaluator.Evaluation> evaluate(Project project) {
        List<ModuleEvaluator.Evaluation> evaluations = new ArrayList<>();
        for (String path : project.files().filesNamed("wsgi.py")) {
            if (FileTree.depth(path) > 3) {
                continue;
            }
            PythonSources.of(project).module(path).ifPresent(module -> evaluations.add(ModuleEvaluator.evaluate(
                    new ModuleEvaluator.LoadedModule(path.replace('/', '.').replaceAll("\\.py$", ""), false, module),
                    name -> Optional.empty())));
        }
        return List.copyOf(evaluations);
    }
}
