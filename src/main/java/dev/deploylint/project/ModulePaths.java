package dev.deploylint.project;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the file of a dotted Python module the way the import system does, from given folders. */
public final class ModulePaths {

    /**
     * Names importlib accepts from a string (gunicorn and Django import with import_module): a
     * folder such as {@code 8fit/} is importable that way though {@code import 8fit} is not.
     */
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");

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
