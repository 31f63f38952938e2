package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.Expr;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.parse.python.Stmt;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.FileTree;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonSources;
import dev.deploylint.rules.ResolvedVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ST020: models of the app's installed apps declare a FileField or ImageField while the default
 * storage is certainly Django's FileSystemStorage, so uploads land in MEDIA_ROOT on the dyno's
 * ephemeral disk. Which setting decides follows Django's storage handler: before 4.2 only
 * DEFAULT_FILE_STORAGE; 4.2 and 5.0 copy an overridden DEFAULT_FILE_STORAGE into STORAGES and
 * refuse both at once; 5.1 reads only STORAGES, which replaces the default dict as a whole (a
 * STORAGES without "default" makes uploads fail with InvalidStorageError rather than go to disk).
 */
public final class MediaOnEphemeralDisk implements Rule {

    static final String FILE_SYSTEM_STORAGE = "django.core.files.storage.FileSystemStorage";

    /** Modules that export Django's own FileField and ImageField (GeoDjango's models re-export them). */
    private static final Set<String> MODEL_MODULES = Set.of("django.db.models", "django.contrib.gis.db.models",
            "django.db.models.fields.files");
    private static final Set<String> UPLOAD_FIELDS = Set.of("FileField", "ImageField");
    /** FileField(verbose_name, name, upload_to, storage, ...): a fourth positional argument is a storage. */
    private static final int STORAGE_POSITION = 3;
    private static final int MAX_FIELD_EVIDENCE = 4;

    /** What a storage setting is, as far as the evaluated settings certainly say. */
    private enum Storage { UNSET, FILE_SYSTEM, NO_DEFAULT, OTHER }

    /** A model field that stores files with the default storage: {@code Document.file = models.FileField(...)}. */
    record UploadField(String model, String name, String type, Expr.Call call) {
    }

    @Override
    public String id() {
        return "ST020";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        if (!django.isDjango() || django.settings().isEmpty()) {
            return;
        }
        Storage storages = storages(django);
        Storage legacy = defaultFileStorage(django);
        Optional<ResolvedVersion> version = ResolvedVersion.of(project, "django");
        if (!onDisk(storages, legacy, version)) {
            return;
        }
        Optional<List<String>> installedApps = StaticSettings.definite(django, "INSTALLED_APPS")
                .flatMap(binding -> StaticSettings.strings(binding.value()));
        if (installedApps.isEmpty()) {
            return;
        }
        List<UploadField> fields = uploadFields(project, django.moduleRoots(), installedApps.get());
        if (fields.isEmpty()) {
            return;
        }
        UploadField first = fields.get(0);
        boolean before42 = version.map(v -> v.isBelow("4.2")).orElse(false);
        Optional<ModuleEvaluator.Binding> mediaRoot = StaticSettings.definite(django, "MEDIA_ROOT");
        String where = mediaRoot.isPresent() ? "under MEDIA_ROOT" + folder(mediaRoot.get().value()) + " on the dyno's disk"
                : django.definitelyUnset("MEDIA_ROOT") ? "in the dyno's working folder (MEDIA_ROOT is not set)"
                : "under MEDIA_ROOT on the dyno's disk";
        String subject = fields.size() == 1
                ? "`" + first.model() + "." + first.name() + "` is " + article(first.type()) + " stored"
                : "`" + first.model() + "." + first.name() + "` (" + article(first.type()) + ") and " + (fields.size() - 1)
                        + " other upload field" + (fields.size() == 2 ? "" : "s") + " are stored";
        String setting = before42 ? "DEFAULT_FILE_STORAGE (STORAGES[\"default\"] from Django 4.2)" : "STORAGES[\"default\"]";
        findings.report(first.call().at(), subject + " by FileSystemStorage " + where + ", which Heroku wipes on every restart"
                + " and deploy (at least daily) and does not share between dynos, so uploaded files disappear; store uploads in"
                + " object storage (django-storages with S3, Cloudinary, ...) by setting " + setting,
                evidence(django, storages, legacy, version, mediaRoot, fields));
    }

    /**
     * True when every Django version the app may run (the resolved one, else all) stores
     * uploads with FileSystemStorage under these settings.
     */
    private static boolean onDisk(Storage storages, Storage legacy, Optional<ResolvedVersion> version) {
        if (storages == Storage.OTHER || legacy == Storage.OTHER) {
            return false;
        }
        boolean before42 = true;
        boolean from42 = legacy == Storage.FILE_SYSTEM ? storages == Storage.UNSET : storages != Storage.NO_DEFAULT;
        boolean from51 = storages != Storage.NO_DEFAULT;
        if (version.isEmpty()) {
            return before42 && from42 && from51;
        }
        return version.get().isBelow("4.2") ? before42 : version.get().isBelow("5.1") ? from42 : from51;
    }

    /** STORAGES: unset, a dict of known keys whose "default" is FileSystemStorage or absent, or anything else. */
    private static Storage storages(DjangoProject django) {
        if (django.definitelyUnset("STORAGES")) {
            return Storage.UNSET;
        }
        Optional<ModuleEvaluator.Binding> binding = StaticSettings.definite(django, "STORAGES");
        if (binding.isEmpty() || !(binding.get().value() instanceof Value.Dict dict) || !knownKeys(dict)) {
            return Storage.OTHER;
        }
        Value entry = dict.get("default");
        if (entry == null) {
            return Storage.NO_DEFAULT;
        }
        return entry instanceof Value.Dict backend && knownKeys(backend) && backend.get("BACKEND") instanceof Value.Str name
                && name.value().equals(FILE_SYSTEM_STORAGE) ? Storage.FILE_SYSTEM : Storage.OTHER;
    }

    /** DEFAULT_FILE_STORAGE: unset, FileSystemStorage, or anything else (another class, a config var, a branch). */
    private static Storage defaultFileStorage(DjangoProject django) {
        if (django.definitelyUnset("DEFAULT_FILE_STORAGE")) {
            return Storage.UNSET;
        }
        return StaticSettings.definite(django, "DEFAULT_FILE_STORAGE")
                .filter(b -> b.value() instanceof Value.Str s && s.value().equals(FILE_SYSTEM_STORAGE))
                .map(b -> Storage.FILE_SYSTEM).orElse(Storage.OTHER);
    }

    private static boolean knownKeys(Value.Dict dict) {
        return dict.entries().stream().allMatch(e -> e.key() instanceof Value.Str);
    }

    private static String article(String type) {
        return (type.startsWith("I") ? "an " : "a ") + type;
    }

    private static String folder(Value value) {
        if (value instanceof Value.PathValue path) {
            return " (`" + (path.path().isEmpty() ? "." : path.path()) + "/`)";
        }
        return value instanceof Value.Str s && !s.value().isEmpty() ? " (`" + s.value() + "`)" : "";
    }

    private static Evidence[] evidence(DjangoProject django, Storage storages, Storage legacy, Optional<ResolvedVersion> version,
                                       Optional<ModuleEvaluator.Binding> mediaRoot, List<UploadField> fields) {
        List<Evidence> all = new ArrayList<>();
        mediaRoot.ifPresent(b -> all.add(new Evidence(b.at(), "MEDIA_ROOT, where FileSystemStorage saves uploads")));
        boolean before42 = version.map(v -> v.isBelow("4.2")).orElse(false);
        boolean from51 = version.map(v -> v.isAtLeast("5.1")).orElse(false);
        if (storages != Storage.UNSET) {
            django.setting("STORAGES").ifPresent(b -> all.add(new Evidence(b.at(), before42 ? "STORAGES, which Django before 4.2 ignores"
                    : "STORAGES[\"default\"] is FileSystemStorage")));
        }
        if (legacy == Storage.FILE_SYSTEM && !from51) {
            django.setting("DEFAULT_FILE_STORAGE").ifPresent(b -> all.add(new Evidence(b.at(), "DEFAULT_FILE_STORAGE is FileSystemStorage")));
        }
        boolean versionDecides = storages == Storage.NO_DEFAULT || legacy == Storage.FILE_SYSTEM && storages != Storage.UNSET;
        if (versionDecides) {
            version.ifPresent(v -> all.add(v.evidence()));
        }
        for (UploadField field : fields.subList(1, Math.min(fields.size(), 1 + MAX_FIELD_EVIDENCE))) {
            all.add(new Evidence(field.call().at(), "`" + field.model() + "." + field.name() + "` is " + article(field.type()) + " too"));
        }
        return all.toArray(Evidence[]::new);
    }

    /** The upload fields declared in the models modules of installed apps, in path and source order. */
    static List<UploadField> uploadFields(Project project, List<String> moduleRoots, List<String> installedApps) {
        List<UploadField> fields = new ArrayList<>();
        for (Map.Entry<String, FileTree.Kind> entry : project.files().entries().entrySet()) {
            String path = entry.getKey();
            if (entry.getValue() == FileTree.Kind.FILE && path.endsWith(".py") && isInstalledModels(path, moduleRoots, installedApps)) {
                PythonSources.of(project).module(path).ifPresent(module -> fields.addAll(uploadFields(module)));
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
    static List<UploadField> uploadFields(PythonModule module) {
        Names names = new Names();
        List<UploadField> fields = new ArrayList<>();
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

    private static Optional<UploadField> field(String model, Stmt member, Names names) {
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
        return ownStorage ? Optional.empty() : Optional.of(new UploadField(model, name, qualified.substring(dot + 1), call));
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
                s.body().forEach(this::statement);
                s.orElse().forEach(this::statement);
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
