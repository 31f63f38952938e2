package dev.deploylint.project;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the file of a dotted Python module the way the import system does, from given folders. */
public final class ModulePaths {

    /**
     * importlib, which gunicorn and Django use, imports any name its finders find a file for: a
     * package may start with a digit ({@code 8fit.wsgi}), though no import statement can name it.
     */
    private static final Pattern DOTTED = Pattern.compile("\\w+(\\.\\w+)*", Pattern.UNICODE_CHARACTER_CLASS);

    private ModulePaths() {
    }

    /**
     * The first {@code root/a/b.py} or {@code root/a/b/__init__.py} of module {@code a.b} among
     * {@code roots} (folders relative to the app root, "" for the root itself).
     */
    public static Optional<String> resolve(FileTree files, List<String> roots, String module) {
        if (!DOTTED.matcher(module).matches()) {
            return Optional.empty();
        }
        String relative = module.replace('.', '/');
        for (String root : roots) {
            String prefix = root.isEmpty() ? "" : root + "/";
            for (String candidate : List.of(prefix + relative + ".py", prefix + relative + "/__init__.py")) {
                if (files.isFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
