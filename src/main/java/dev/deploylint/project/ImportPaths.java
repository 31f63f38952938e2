package dev.deploylint.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Python modules the app's own files provide. The folders Heroku's processes import from
 * are manage.py's folder, the app root and the web server's {@code --chdir}/{@code --pythonpath};
 * but settings that add folders to {@code sys.path}, src layouts installed with {@code -e .} and a
 * {@code PYTHONPATH} config var can make any folder importable, so a module counts as missing
 * only when no file or folder anywhere in the app could provide it.
 */
public final class ImportPaths {

    private static final List<String> MODULE_SUFFIXES = List.of(".py", ".pyc", ".so", ".pyd");

    private final FileTree files;
    private final List<String> roots;
    /** Top-level names and every path in the app that could provide them: {@code name/} or {@code name.py}. */
    private final Map<String, List<String>> byName = new HashMap<>();
    private final boolean complete;

    private ImportPaths(Project project) {
        this.files = project.files();
        Set<String> folders = new LinkedHashSet<>(DjangoProject.of(project).moduleRoots());
        ServerCommand.web(project).ifPresent(server -> folders.addAll(server.moduleRoots()));
        this.roots = List.copyOf(folders);
        boolean symlinks = false;
        for (Map.Entry<String, FileTree.Kind> entry : files.entries().entrySet()) {
            String path = entry.getKey();
            String last = path.substring(path.lastIndexOf('/') + 1);
            symlinks |= entry.getValue() == FileTree.Kind.SYMLINK;
            String name = entry.getValue() == FileTree.Kind.DIRECTORY || entry.getValue() == FileTree.Kind.SYMLINK ? last
                    : MODULE_SUFFIXES.stream().anyMatch(last::endsWith) ? last.substring(0, last.indexOf('.') < 0 ? last.length() : last.indexOf('.'))
                    : null;
            if (name != null && !name.isEmpty()) {
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(path);
            }
        }
        // a link may point at anything, an unlisted folder may hold anything, and a submodule's folder is empty in a checkout
        this.complete = !symlinks && files.unlisted().isEmpty() && files.entries().size() < FileTree.MAX_ENTRIES
                && !files.exists(".gitmodules");
    }

    public static ImportPaths of(Project project) {
        return project.view(ImportPaths.class, ImportPaths::new);
    }

    /** The folders processes import from, relative to the app root ("" is the root). */
    public List<String> roots() {
        return roots;
    }

    /**
     * True when the whole app was listed: no symbolic link, unreadable folder or git submodule
     * could hide a module, so "no file provides it" is a fact.
     */
    public boolean complete() {
        return complete;
    }

    /**
     * True when top-level name {@code top} is a regular module of the app in a folder processes
     * import from: {@code top.py} or {@code top/__init__.py}. A folder without {@code __init__.py}
     * does not count: an installed package of the same name wins over such a namespace folder.
     */
    public boolean isAppModule(String top) {
        for (String root : roots) {
            String prefix = root.isEmpty() ? "" : root + "/";
            if (files.isFile(prefix + top + ".py") || files.isFile(prefix + top + "/__init__.py")) {
                return true;
            }
        }
        return false;
    }

    /** True when a file or folder anywhere in the app could provide top-level module {@code top}. */
    public boolean appearsAnywhere(String top) {
        return byName.containsKey(top);
    }

    /**
     * True when dotted module {@code name} could be imported from some place of its top-level
     * name in the app: each further part a module file ({@code .py}, {@code .pyc}, an extension)
     * or a folder.
     */
    public boolean exists(String name) {
        String[] parts = name.split("\\.");
        List<String> places = byName.getOrDefault(parts[0], List.of());
        for (String place : places) {
            if (parts.length == 1) {
                return true;
            }
            if (files.kind(place) != FileTree.Kind.DIRECTORY) {
                continue;
            }
            String path = place;
            boolean found = true;
            for (int i = 1; i < parts.length && found; i++) {
                String next = path + "/" + parts[i];
                if (files.isDirectory(next)) {
                    path = next;
                } else {
                    found = i == parts.length - 1 && moduleFile(next);
                }
            }
            if (found) {
                return true;
            }
        }
        return false;
    }

    private boolean moduleFile(String pathWithoutSuffix) {
        if (MODULE_SUFFIXES.stream().anyMatch(suffix -> files.isFile(pathWithoutSuffix + suffix))) {
            return true;
        }
        // extension modules carry a platform tag: module.cpython-312-x86_64-linux-gnu.so
        String prefix = pathWithoutSuffix + ".";
        return files.entries().keySet().stream().anyMatch(p -> p.startsWith(prefix) && (p.endsWith(".so") || p.endsWith(".pyd")));
    }
}
