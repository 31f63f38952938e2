package dev.deploylint.cli;

import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Fix;
import dev.deploylint.parse.python.PythonParser;
import dev.deploylint.project.Project;
import dev.deploylint.source.SourceFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans and applies the fixes of one app's findings. A plan takes the fixes in report order and
 * keeps those whose edits do not overlap an earlier one (the next pass gets the rest), and refuses,
 * with a reason, a fix that would write outside the app or through a symbolic link, touch a file
 * that is not UTF-8 or that changed since it was read, or leave a Python module that no longer
 * parses. Edits keep everything around them: the byte-order mark, line breaks and the rest of the
 * text are written back as they were read.
 */
final class Fixer {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** A file's text as on disk: the decoded text and whether a UTF-8 byte-order mark precedes it. */
    record Content(String text, boolean byteOrderMark) {
        byte[] bytes() {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            if (!byteOrderMark) {
                return body;
            }
            byte[] all = Arrays.copyOf(UTF8_BOM, UTF8_BOM.length + body.length);
            System.arraycopy(body, 0, all, UTF8_BOM.length, body.length);
            return all;
        }

        String fingerprint() {
            return SourceFile.of("", (byteOrderMark ? "\uFEFF" : "") + text).fingerprint();
        }
    }

    /** One file's change: {@code from} null for a created file, {@code to} null for a deleted one. */
    record Change(String from, String to, Content before, Content after) {
    }

    /** A fix that was not applied, and why. */
    record Refusal(Finding finding, String reason) {
    }

    /** What a pass does: the findings whose fixes it applies, those it refuses, and the files it changes. */
    record Plan(List<Finding> fixed, List<Refusal> refused, List<Change> changes) {
        boolean isEmpty() {
            return changes.isEmpty();
        }
    }

    private final Path root;
    private final Path realRoot;
    private final Map<String, Object> read = new HashMap<>();

    private Fixer(Path root) throws IOException {
        this.root = root;
        this.realRoot = root.toRealPath();
    }

    /** Plans the fixes of {@code findings} (report order) in the app at {@code root}; nothing is written. */
    static Plan plan(Path root, List<Finding> findings) throws IOException {
        return new Fixer(root).plan(findings);
    }

    private Plan plan(List<Finding> findings) {
        List<Finding> fixed = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        List<List<Fix.Edit>> accepted = new ArrayList<>();
        Map<String, List<int[]>> ranges = new HashMap<>();
        Set<String> wholeFiles = new HashSet<>();
        Map<String, List<Fix.Replace>> replaces = new LinkedHashMap<>();
        Map<String, Boolean> dropBom = new HashMap<>();
        List<Fix.Edit> operations = new ArrayList<>();
        for (Finding finding : findings) {
            Fix fix = finding.fix();
            if (fix == null) {
                continue;
            }
            if (accepted.contains(fix.edits())) {
                fixed.add(finding); // the same change as a fix already taken (one problem reported twice)
                continue;
            }
            Optional<String> problem = check(fix);
            if (problem.isPresent()) {
                refused.add(new Refusal(finding, problem.get()));
                continue;
            }
            if (overlaps(fix, ranges, wholeFiles)) {
                continue; // the next pass, after a re-lint, offers it again if it still applies
            }
            accepted.add(fix.edits());
            fixed.add(finding);
            for (Fix.Edit edit : fix.edits()) {
                if (edit instanceof Fix.Replace replace) {
                    SourceFile file = SourceFile.of(replace.path(), ((Content) read.get(replace.path())).text());
                    ranges.computeIfAbsent(replace.path(), p -> new ArrayList<>())
                            .add(new int[] {file.offsetOf(replace.start()), file.offsetOf(replace.end())});
                    replaces.computeIfAbsent(replace.path(), p -> new ArrayList<>()).add(replace);
                } else if (edit instanceof Fix.DropByteOrderMark drop) {
                    dropBom.put(drop.path(), true);
                } else {
                    wholeFiles.add(edit.path());
                    if (edit instanceof Fix.Rename rename) {
                        wholeFiles.add(rename.to());
                    }
                    operations.add(edit);
                }
            }
        }
        List<Change> changes = new ArrayList<>();
        Set<String> edited = new java.util.TreeSet<>(replaces.keySet());
        edited.addAll(dropBom.keySet());
        for (String path : edited) {
            Content before = (Content) read.get(path);
            String text = before.text();
            SourceFile file = SourceFile.of(path, text);
            List<Fix.Replace> edits = new ArrayList<>(replaces.getOrDefault(path, List.of()));
            edits.sort(Comparator.comparingInt((Fix.Replace r) -> file.offsetOf(r.start())).reversed());
            StringBuilder after = new StringBuilder(text);
            for (Fix.Replace edit : edits) {
                after.replace(file.offsetOf(edit.start()), file.offsetOf(edit.end()), edit.replacement());
            }
            Content changed = new Content(after.toString(), before.byteOrderMark() && !dropBom.containsKey(path));
            if (path.endsWith(".py") && breaksSyntax(path, before.text(), changed.text())) {
                String reason = "deploylint bug: the fix would leave " + path + " with a syntax error, so it was not applied; please report it";
                List<Finding> touching = fixed.stream().filter(f -> f.fix().edits().stream().anyMatch(e -> e.path().equals(path))).toList();
                touching.forEach(f -> refused.add(new Refusal(f, reason)));
                fixed.removeAll(touching);
                continue;
            }
            changes.add(new Change(path, path, before, changed));
        }
        for (Fix.Edit operation : operations) {
            if (operation instanceof Fix.Create create) {
                changes.add(new Change(null, create.path(), null, new Content(create.content(), false)));
            } else if (operation instanceof Fix.Rename rename) {
                Content content = (Content) read.get(rename.path());
                changes.add(new Change(rename.path(), rename.to(), content, content));
            } else {
                changes.add(new Change(operation.path(), null, (Content) read.get(operation.path()), null));
            }
        }
        return new Plan(fixed, refused, changes);
    }

    private static boolean breaksSyntax(String path, String before, String after) {
        int was = PythonParser.parse(SourceFile.of(path, before)).problems().size();
        return PythonParser.parse(SourceFile.of(path, after)).problems().size() > was;
    }

    /** Whether {@code fix} touches what an accepted fix already changes. */
    private boolean overlaps(Fix fix, Map<String, List<int[]>> ranges, Set<String> wholeFiles) {
        for (Fix.Edit edit : fix.edits()) {
            if (wholeFiles.contains(edit.path()) || edit instanceof Fix.Rename rename && (wholeFiles.contains(rename.to()) || ranges.containsKey(rename.to()))) {
                return true;
            }
            if (!(edit instanceof Fix.Replace) && !(edit instanceof Fix.DropByteOrderMark) && ranges.containsKey(edit.path())) {
                return true;
            }
            if (edit instanceof Fix.Replace replace) {
                SourceFile file = SourceFile.of(replace.path(), ((Content) read.get(replace.path())).text());
                int start = file.offsetOf(replace.start());
                int end = file.offsetOf(replace.end());
                for (int[] taken : ranges.getOrDefault(replace.path(), List.of())) {
                    // Touching ranges overlap too: two insertions at one point have no defined order.
                    if (start <= taken[1] && taken[0] <= end) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Why {@code fix} cannot be applied, or empty: every path is checked and every file it rests on read. */
    private Optional<String> check(Fix fix) {
        for (Fix.Edit edit : fix.edits()) {
            List<String> paths = edit instanceof Fix.Rename rename ? List.of(rename.path(), rename.to()) : List.of(edit.path());
            for (String path : paths) {
                Optional<String> unsafe = unsafePath(path);
                if (unsafe.isPresent()) {
                    return unsafe;
                }
            }
            boolean mustExist = !(edit instanceof Fix.Create);
            Path file = root.resolve(edit.path());
            if (!mustExist && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(edit.path() + " already exists");
            }
            if (edit instanceof Fix.Rename rename && Files.exists(root.resolve(rename.to()), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(rename.to() + " already exists");
            }
            if (mustExist) {
                Object content = read.computeIfAbsent(edit.path(), this::load);
                if (content instanceof String reason) {
                    return Optional.of(reason);
                }
                String expected = fix.reads().get(edit.path());
                if (expected == null || !expected.equals(((Content) content).fingerprint())) {
                    return Optional.of(edit.path() + " changed since deploylint read it; run deploylint again");
                }
            }
        }
        return Optional.empty();
    }

    /** Why deploylint must not write {@code path}: outside the app, or through a symbolic link. */
    private Optional<String> unsafePath(String path) {
        Path relative;
        try {
            relative = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.of(path + " has a name this system cannot write");
        }
        if (relative.isAbsolute() || relative.normalize().startsWith("..") || !relative.normalize().equals(relative)) {
            return Optional.of(path + " is outside the app");
        }
        Path at = root;
        for (Path part : relative) {
            at = at.resolve(part);
            if (Files.isSymbolicLink(at)) {
                return Optional.of(path + " goes through the symbolic link " + root.relativize(at) + "; deploylint does not write through links");
            }
        }
        try {
            Path parent = root.resolve(path).toAbsolutePath().getParent();
            if (parent != null && Files.exists(parent) && !parent.toRealPath().startsWith(realRoot)) {
                return Optional.of(path + " is outside the app");
            }
        } catch (IOException e) {
            return Optional.of(path + " cannot be checked (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    /** The file's content, or the reason it cannot be edited. */
    private Object load(String path) {
        Path file = root.resolve(path);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return path + " is not a regular file";
            }
            if (Files.size(file) > Project.MAX_FILE_BYTES) {
                return path + " is too large to edit";
            }
            byte[] bytes = Files.readAllBytes(file);
            boolean bom = bytes.length >= 3 && Arrays.equals(Arrays.copyOf(bytes, 3), UTF8_BOM);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0))).toString();
            return new Content(text, bom);
        } catch (CharacterCodingException e) {
            return path + " is not UTF-8; deploylint edits only UTF-8 files";
        } catch (IOException e) {
            return path + " cannot be read (" + e.getMessage() + ")";
        }
    }

    /**
     * Writes a plan: renames first (never over an existing file), then every changed file through a
     * temporary file renamed over it (its permissions kept), then new files, then deletions.
     */
    static void write(Path root, Plan plan) throws IOException {
        for (Change change : plan.changes()) {
            if (change.from() != null && change.to() != null && !change.from().equals(change.to())) {
                Files.move(root.resolve(change.from()), root.resolve(change.to()));
            }
        }
        for (Change change : plan.changes()) {
            if (change.from() != null && change.to() != null && change.from().equals(change.to())) {
                Path file = root.resolve(change.to());
                java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = permissions(file);
                ReportFiles.replace(file, change.after().bytes());
                if (permissions != null) {
                    Files.setPosixFilePermissions(file, permissions);
                }
            } else if (change.from() == null) {
                Path file = root.resolve(change.to());
                Files.createDirectories(file.getParent());
                Files.write(file, change.after().bytes(), java.nio.file.StandardOpenOption.CREATE_NEW);
            }
        }
        for (Change change : plan.changes()) {
            if (change.to() == null) {
                Files.delete(root.resolve(change.from()));
            }
        }
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }

    /** The plan as a unified diff, paths shown under {@code shownRoot} ({@code a/} and {@code b/} prefixes as git prints them). */
    static String diff(String shownRoot, Plan plan) {
        String prefix = shownRoot.equals(".") || shownRoot.isEmpty() ? "" : shownRoot + "/";
        StringBuilder out = new StringBuilder();
        for (Change change : plan.changes()) {
            boolean absolute = prefix.startsWith("/");
            String from = change.from() == null ? "/dev/null" : (absolute ? "" : "a/") + prefix + change.from();
            String to = change.to() == null ? "/dev/null" : (absolute ? "" : "b/") + prefix + change.to();
            String before = change.before() == null ? "" : shown(change.before());
            String after = change.after() == null ? "" : shown(change.after());
            if (change.from() != null && change.to() != null && !change.from().equals(change.to())) {
                out.append("rename from ").append(prefix).append(change.from()).append('\n')
                        .append("rename to ").append(prefix).append(change.to()).append('\n');
            }
            out.append(UnifiedDiff.of(from, before, to, after));
        }
        return out.toString();
    }

    /** The text as the diff shows it: a byte-order mark is shown as {@code <BOM>} so its removal is a visible change. */
    private static String shown(Content content) {
        return (content.byteOrderMark() ? "<BOM>" : "") + content.text();
    }
}
