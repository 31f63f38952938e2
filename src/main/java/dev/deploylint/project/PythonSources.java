package dev.deploylint.project;

import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.parse.python.PythonParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Python files of an app that rules have asked for, each parsed once. */
public final class PythonSources {

    private final Project project;
    private final Map<String, Optional<PythonModule>> modules = new LinkedHashMap<>();

    private PythonSources(Project project) {
        this.project = project;
    }

    public static PythonSources of(Project project) {
        return project.view(PythonSources.class, PythonSources::new);
    }

    /** The parsed module at {@code path}; empty when the file is absent or not text. */
    public Optional<PythonModule> module(String path) {
        Optional<PythonModule> cached = modules.get(path);
        if (cached == null) {
            cached = project.text(path).map(PythonParser::parse);
            modules.put(path, cached);
        }
        return cached;
    }

    /** Every module parsed so far, in the order first asked for. */
    public List<PythonModule> parsed() {
        return modules.values().stream().flatMap(Optional::stream).toList();
    }
}
