package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.Expr;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.ResolvedVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    private static final int MAX_FIELD_EVIDENCE = 4;

    /** What a storage setting is, as far as the evaluated settings certainly say. */
    private enum Storage { UNSET, FILE_SYSTEM, NO_DEFAULT, OTHER }

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
        if (django.definiteSetting("MEDIA_ROOT").map(b -> isTempDir(b.value())).orElse(false)
                || django.definiteSetting("FILE_UPLOAD_TEMP_DIR").map(b -> isTempDir(b.value())).orElse(false)) {
            return;
        }
        Storage storages = storages(django);
        Storage legacy = defaultFileStorage(django);
        Optional<ResolvedVersion> version = ResolvedVersion.of(project, "django");
        if (!onDisk(storages, legacy, version)) {
            return;
        }
        Optional<List<String>> installedApps = django.definiteSetting("INSTALLED_APPS")
                .flatMap(binding -> StaticSettings.strings(binding.value()));
        if (installedApps.isEmpty()) {
            return;
        }
        List<UploadFields.Field> fields = UploadFields.of(project, django.moduleRoots(), installedApps.get()).stream()
                .filter(field -> !uploadsToTempDir(field.call())).toList();
        if (fields.isEmpty()) {
            return;
        }
        UploadFields.Field first = fields.get(0);
        boolean before42 = version.map(v -> v.isBelow("4.2")).orElse(false);
        Optional<ModuleEvaluator.Binding> mediaRoot = django.definiteSetting("MEDIA_ROOT");
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
        Optional<ModuleEvaluator.Binding> binding = django.definiteSetting("STORAGES");
        if (binding.isEmpty() || !(binding.get().value() instanceof Value.Dict dict) || !knownKeys(dict)) {
            return Storage.OTHER;
        }
        Value entry = dict.get("default");
        if (entry == null) {
            return Storage.NO_DEFAULT;
        }
        if (entry instanceof Value.Dict backend && backend.get("OPTIONS") instanceof Value.Dict options
                && options.get("location") != null && isTempDir(options.get("location"))) {
            return Storage.OTHER;
        }
        return entry instanceof Value.Dict backend && knownKeys(backend) && backend.get("BACKEND") instanceof Value.Str name
                && name.value().equals(FILE_SYSTEM_STORAGE) ? Storage.FILE_SYSTEM : Storage.OTHER;
    }

    /** DEFAULT_FILE_STORAGE: unset, FileSystemStorage, or anything else (another class, a config var, a branch). */
    private static Storage defaultFileStorage(DjangoProject django) {
        if (django.definitelyUnset("DEFAULT_FILE_STORAGE")) {
            return Storage.UNSET;
        }
        return django.definiteSetting("DEFAULT_FILE_STORAGE")
                .filter(b -> b.value() instanceof Value.Str s && s.value().equals(FILE_SYSTEM_STORAGE))
                .map(b -> Storage.FILE_SYSTEM).orElse(Storage.OTHER);
    }

    /**
     * A folder meant for files processed within the request and then dropped: {@code /tmp},
     * {@code /var/tmp} or {@code tempfile.gettempdir()}; losing them on a restart is by design.
     */
    static boolean isTempDir(Value value) {
        String path = value instanceof Value.Str s ? s.value() : value instanceof Value.PathValue p ? p.path() : null;
        if (path != null) {
            return path.equals("/tmp") || path.startsWith("/tmp/") || path.equals("/var/tmp") || path.startsWith("/var/tmp/");
        }
        return value instanceof Value.CallResult call && call.qualifiedName().startsWith("tempfile.");
    }

    /** A field whose {@code upload_to} is an absolute temp folder or a call into the tempfile module. */
    private static boolean uploadsToTempDir(Expr.Call field) {
        return field.keywords().stream().filter(k -> "upload_to".equals(k.name())).anyMatch(k ->
                k.value() instanceof Expr.Str s && isTempDir(new Value.Str(s.value()))
                        || k.value() instanceof Expr.Call call && call.func() instanceof Expr.Attribute a
                        && a.value() instanceof Expr.Name n && n.id().equals("tempfile"));
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
                                       Optional<ModuleEvaluator.Binding> mediaRoot, List<UploadFields.Field> fields) {
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
        for (UploadFields.Field field : fields.subList(1, Math.min(fields.size(), 1 + MAX_FIELD_EVIDENCE))) {
            all.add(new Evidence(field.call().at(), "`" + field.model() + "." + field.name() + "` is " + article(field.type()) + " too"));
        }
        return all.toArray(Evidence[]::new);
    }
}
