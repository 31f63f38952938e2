package dev.deploylint.rules.staticfiles;

import dev.deploylint.parse.python.Expr;
import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.parse.python.Stmt;
import dev.deploylint.project.FileTree;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonSources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The FileField and ImageField model fields of the app's installed apps that store files with the
 * default storage, found in the parsed models modules (names resolved through each file's imports).
 */
final class UploadFields {

    /** Modules that export Django's own FileField and ImageField (GeoDjango's models re-export them). */
    private static final Set<String> MODEL_MODULES = Set.of("django.db.models", "django.contrib.gis.db.models",
            "django.db.models.fields.files");
    private static final Set<String> UPLOAD_FIELDS = Set.of("FileField", "ImageField");
    /** FileField(verbose_name, name, upload_to, storage, ...): a fourth positional argument is a storage. */
    private static final int STORAGE_POSITION = 3;

    /** A model field that stores files with the default storage: {@code Document.file = models.FileField(...)}. */
    record Field(String model, String name, String type, Expr.Call call) {
    }

    private UploadFields() {
    }

    /** The upload fields declared in the models modules of installed apps, in path and source order. */
    static List<Field> of(Project project, List<String> moduleRoots, List<String> installedApps) {
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, FileTree.Kind> entry : project.files().entries().entrySet()) {
            String path = entry.getKey();
            if (entry.getValue() == FileTree.Kind.FILE && path.endsWith(".py") && isInstalledModels(path, moduleRoots, installedApps)) {
                PythonSources.of(project).module(path).ifPresent(module -> fields.addAll(of(module)));
            }
        }
        return fields;
    }

    /** True for {@code <app>/models.py} or a module under {@code <app>/models/} of an app listed in INSTALLED_APPS. */
    private static boolean isInstalledModels(String path, List<String> moduleRoots, List<String> installedApps) {
        for (String root : moduleRoots) {
            String prefix = root.isEmpty() ? "" : root + "/";
            if (!path.startsWith(prefix)) {
                continue;
            }
            String relative = path.substring(prefix.length());
            int models = relative.endsWith("/models.py") ? relative.length() - "/models.py".length() : relative.indexOf("/models/");
            if (models <= 0) {
                continue;
            }
            String app = relative.substring(0, models).replace('/', '.');
            if (installedApps.stream().anyMatch(entry -> installs(entry, app))) {
                return true;
            }
        }
        return false;
    }

    /** True when an INSTALLED_APPS entry is the app's package or an AppConfig class in it or its apps module. */
    private static boolean installs(String entry, String app) {
        if (entry.equals(app)) {
            return true;
        }
        int dot = entry.lastIndexOf('.');
        if (dot <= 0 || dot == entry.length() - 1 || !Character.isUpperCase(entry.charAt(dot + 1))) {
            return false;
        }
        String module = entry.substring(0, dot);
        return module.equals(app) || module.equals(app + ".apps");
    }

    /**
     * The FileField and ImageField class attributes of the module's top-level classes that use
     * the default storage (no {@code storage=} argument, no {@code **kwargs}), resolved through
     * the module's imports in statement order.
     */
    static List<Field> of(PythonModule module) {
        Names names = new Names();
        List<Field> fields = new ArrayList<>();
        for (Stmt stmt : module.body()) {
            if (stmt instanceof Stmt.ClassDef cls) {
                for (Stmt member : cls.body()) {
                    field(cls.name(), member, names).ifPresent(fields::add);
                }
                names.shadow(cls.name());
            } else {
                names.statement(stmt);
            }
        }
        return fields;
    }

    private static Optional<Field> field(String model, Stmt member, Names names) {
        String name = null;
        Expr value = null;
        if (member instanceof Stmt.Assign assign && assign.targets().size() == 1 && assign.targets().get(0) instanceof Expr.Name target) {
            name = target.id();
            value = assign.value();
        } else if (member instanceof Stmt.AnnAssign assign && assign.target() instanceof Expr.Name target) {
            name = target.id();
            value = assign.value();
        }
        if (!(value instanceof Expr.Call call)) {
            return Optional.empty();
        }
        String qualified = names.qualified(call.func());
        int dot = qualified == null ? -1 : qualified.lastIndexOf('.');
        if (dot < 0 || !MODEL_MODULES.contains(qualified.substring(0, dot)) || !UPLOAD_FIELDS.contains(qualified.substring(dot + 1))) {
            return Optional.empty();
        }
        boolean ownStorage = call.args().size() > STORAGE_POSITION || call.args().stream().anyMatch(a -> a instanceof Expr.Starred)
                || call.keywords().stream().anyMatch(k -> k.name() == null || k.name().equals("storage"));
        return ownStorage ? Optional.empty() : Optional.of(new Field(model, name, qualified.substring(dot + 1), call));
    }

    /** What the module's names refer to, as far as its imports say: local name to qualified name, or null for local definitions. */
    private static final class Names {
        private final Map<String, String> bound = new HashMap<>();
        private final Set<String> starModules = new HashSet<>();

        void statement(Stmt stmt) {
            if (stmt instanceof Stmt.Import s) {
                for (Stmt.Alias alias : s.names()) {
                    if (alias.asName() != null) {
                        bound.put(alias.asName(), alias.name());
                    } else {
                        String top = alias.name().split("\\.")[0];
                        bound.put(top, top);
                    }
                }
            } else if (stmt instanceof Stmt.ImportFrom s) {
                for (Stmt.Alias alias : s.names()) {
                    if (alias.name().equals("*")) {
                        starModules.add(s.level() == 0 ? s.module() : "." + s.module());
                    } else {
                        String local = alias.asName() != null ? alias.asName() : alias.name();
                        bound.put(local, s.level() == 0 ? s.module() + "." + alias.name() : null);
                    }
                }
            } else if (stmt instanceof Stmt.Assign s) {
                s.targets().forEach(this::shadow);
            } else if (stmt instanceof Stmt.AnnAssign s) {
                shadow(s.target());
            } else if (stmt instanceof Stmt.FunctionDef s) {
                shadow(s.name());
            } else if (stmt instanceof Stmt.If s) {
                s.chain().forEach(branch -> branch.body().forEach(this::statement));
                s.finalElse().forEach(this::statement);
            } else if (stmt instanceof Stmt.Try s) {
                s.body().forEach(this::statement);
                s.handlers().forEach(h -> h.body().forEach(this::statement));
                s.orElse().forEach(this::statement);
                s.finalBody().forEach(this::statement);
            } else if (stmt instanceof Stmt.With s) {
                s.body().forEach(this::statement);
            }
        }

        void shadow(String name) {
            bound.put(name, null);
        }

        private void shadow(Expr target) {
            if (target instanceof Expr.Name name) {
                shadow(name.id());
            } else if (target instanceof Expr.TupleExpr tuple) {
                tuple.items().forEach(this::shadow);
            } else if (target instanceof Expr.ListExpr list) {
                list.items().forEach(this::shadow);
            }
        }

        /** The dotted name an expression such as {@code models.FileField} refers to, or null. */
        String qualified(Expr expr) {
            if (expr instanceof Expr.Name name) {
                if (bound.containsKey(name.id())) {
                    return bound.get(name.id());
                }
                // from django.db.models import *: only when no other star import may have defined the name
                boolean onlyModels = !starModules.isEmpty() && MODEL_MODULES.containsAll(starModules);
                return onlyModels && UPLOAD_FIELDS.contains(name.id()) ? starModules.iterator().next() + "." + name.id() : null;
            }
            if (expr instanceof Expr.Attribute attribute) {
                String owner = qualified(attribute.value());
                return owner == null ? null : owner + "." + attribute.name();
            }
            return null;
        }
    }
}
