package dev.deploylint.project;

import dev.deploylint.parse.json.Json;
import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A list of buildpacks the app declares, in run order: app.json {@code buildpacks} or the legacy
 * {@code .buildpacks} file (one URL per line, read by heroku-buildpack-multi).
 */
public record BuildpackList(String source, List<Entry> entries) {

    public static final String DOT_BUILDPACKS = ".buildpacks";

    /** What a buildpack entry is, judged by its shorthand name or URL. */
    public enum Kind { PYTHON, NODEJS, BOWER, OTHER }

    /**
     * One buildpack: its URL, where the URL is, its kind, and where the whole item starts (app.json's
     * object or string, or the URL on its .buildpacks line), the span a reordering moves.
     */
    public record Entry(String url, Location at, Kind kind, Location item) {
    }

    /** The lists the app declares: app.json's first, then .buildpacks. */
    public static List<BuildpackList> of(Project project) {
        return project.view(BuildpackList.class, BuildpackList::load);
    }

    private static List<BuildpackList> load(Project project) {
        List<BuildpackList> lists = new ArrayList<>();
        StructuredFiles.validJson(project, "app.json").flatMap(BuildpackList::fromAppJson).ifPresent(lists::add);
        project.text(DOT_BUILDPACKS).map(BuildpackList::fromDotBuildpacks).ifPresent(lists::add);
        return List.copyOf(lists);
    }

    private static Optional<BuildpackList> fromAppJson(Json root) {
        if (!(root instanceof Json.JObject app) || !(app.get("buildpacks").orElse(null) instanceof Json.JArray array)) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        for (Json item : array.items()) {
            if (item instanceof Json.JObject object) {
                object.get("url").filter(url -> url instanceof Json.JString)
                        .ifPresent(url -> entries.add(new Entry(url.asString().orElseThrow(), url.at(), kind(url.asString().orElseThrow()),
                                object.at())));
            }
        }
        return Optional.of(new BuildpackList("app.json", List.copyOf(entries)));
    }

    private static BuildpackList fromDotBuildpacks(SourceFile file) {
        List<Entry> entries = new ArrayList<>();
        for (int n = 1; n <= file.lineCount(); n++) {
            String line = file.line(n);
            String url = line.strip();
            if (!url.isEmpty() && !url.startsWith("#")) {
                Location at = file.at(n, line.indexOf(url.charAt(0)));
                entries.add(new Entry(url, at, kind(url), at));
            }
        }
        return new BuildpackList(DOT_BUILDPACKS, List.copyOf(entries));
    }

    static Kind kind(String url) {
        String u = url.toLowerCase(java.util.Locale.ROOT);
        if (u.equals("heroku/python") || u.contains("heroku-buildpack-python")) {
            return Kind.PYTHON;
        }
        if (u.equals("heroku/nodejs") || u.contains("heroku-buildpack-nodejs")) {
            return Kind.NODEJS;
        }
        if (u.contains("bower")) {
            return Kind.BOWER;
        }
        return Kind.OTHER;
    }
}
