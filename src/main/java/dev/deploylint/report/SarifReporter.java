package dev.deploylint.report;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.Fix;
import com.contrastsecurity.sarif.Replacement;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.RuleMetadata;
import dev.deploylint.lint.Severity;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning and editors: one run for the invocation (or one per app on
 * request) with the full rule catalogue (in catalogue order, so {@code ruleIndex} is the catalogue
 * index), URIs relative to {@code %SRCROOT%} (the repository's top level, whatever folder
 * deploylint ran in), a stable per-invocation {@code automationDetails.id}, and no timestamps, so
 * equal input gives equal bytes.
 */
public final class SarifReporter implements Reporter {

    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public static final String INFORMATION_URI = "https://github.com/deploylint/deploylint";
    public static final String FINGERPRINT_KEY = "deploylint/v1";
    public static final String SRCROOT = "%SRCROOT%";

    /** GitHub rejects rule descriptions longer than this. */
    static final int MAX_DESCRIPTION = 1024;

    private final ReportOptions options;
    private final ObjectMapper mapper;

    public SarifReporter(ReportOptions options) {
        this.options = options;
        this.mapper = new ObjectMapper();
        // java-sarif's class-level NON_DEFAULT drops a level equal to the schema default (warning),
        // which consumers then read as the rule's default level; always write levels.
        JsonInclude.Value always = JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL);
        mapper.configOverride(Result.Level.class).setInclude(always);
        mapper.configOverride(ReportingConfiguration.Level.class).setInclude(always);
        mapper.configOverride(Notification.Level.class).setInclude(always);
    }

    @Override
    public void write(List<AppReport> apps, RuleCatalog catalog, Appendable out) throws IOException {
        List<Run> runs = new ArrayList<>();
        if (options.sarif().runPerApp()) {
            for (AppReport app : apps) {
                runs.add(run(List.of(app), catalog, automationId(app)));
            }
        } else {
            runs.add(run(apps, catalog, "deploylint/" + options.sarif().category()));
        }
        SarifSchema210 log = new SarifSchema210()
                .with$schema(URI.create(SCHEMA_URI))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(runs);
        out.append(Json.pretty(mapper, log));
    }

    private Run run(List<AppReport> apps, RuleCatalog catalog, String automationId) {
        List<Result> results = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean baseline = options.sarif().baseline();
        for (AppReport app : apps) {
            for (Finding finding : app.findings()) {
                Result result = result(app, catalog, finding, seen);
                results.add(baseline ? result.withBaselineState(Result.BaselineState.NEW) : result);
            }
            for (Finding finding : app.known()) {
                results.add(result(app, catalog, finding, seen).withBaselineState(Result.BaselineState.UNCHANGED));
            }
            for (Finding finding : app.suppressed()) {
                results.add(result(app, catalog, finding, seen).withSuppressions(new LinkedHashSet<>(List.of(
                        new Suppression().withKind(Suppression.Kind.IN_SOURCE).withJustification(finding.suppression())))));
            }
        }
        Run run = new Run()
                .withTool(new Tool().withDriver(driver(catalog)))
                .withInvocations(List.of(new Invocation().withExecutionSuccessful(options.executionSuccessful())))
                .withAutomationDetails(new RunAutomationDetails().withId(automationId))
                .withColumnKind(Run.ColumnKind.UNICODE_CODE_POINTS)
                .withResults(results);
        PropertyBag properties = apps.size() == 1 ? appProperties(apps.get(0)) : new PropertyBag();
        if (apps.size() > 1) {
            List<Map<String, Object>> each = new ArrayList<>();
            for (AppReport app : apps) {
                Map<String, Object> one = new java.util.LinkedHashMap<>();
                one.put("root", app.normalisedRoot().isEmpty() ? "." : app.normalisedRoot());
                one.putAll(appProperties(app).getAdditionalProperties());
                each.add(one);
            }
            properties.setAdditionalProperty("apps", each);
        }
        if (!properties.getAdditionalProperties().isEmpty()) {
            run.withProperties(properties);
        }
        if (apps.stream().anyMatch(app -> !uriIsAbsolute(app))) {
            run.withOriginalUriBaseIds(new OriginalUriBaseIds().withAdditionalProperty(SRCROOT,
                    new ArtifactLocation().withDescription(new Message().withText(options.sarif().sourceRoot().isPresent()
                            ? "The top level of the git repository" : "The folder deploylint was run from"))));
        }
        return run;
    }

    /** What deploylint assumed about one app: its deploy style and settings module. */
    private static PropertyBag appProperties(AppReport app) {
        PropertyBag properties = new PropertyBag();
        app.deployStyle().ifPresent(style -> {
            properties.withAdditionalProperty("deployStyle", style.kind().label());
            if (!style.reason().isEmpty()) {
                properties.withAdditionalProperty("deployStyleReason", AppReport.describe(app, style));
            }
        });
        if (!app.context().isEmpty()) {
            properties.setAdditionalProperty("settingsModule", app.context().settingsModule().orElse(null));
            properties.setAdditionalProperty("settingsSource", app.context().settingsSource().orElse(null));
        }
        return properties;
    }

    private ToolComponent driver(RuleCatalog catalog) {
        Set<ReportingDescriptor> rules = new LinkedHashSet<>();
        for (RuleMetadata rule : catalog.all()) {
            rules.add(descriptor(rule));
        }
        return new ToolComponent()
                .withName("deploylint")
                .withVersion(options.toolVersion())
                .withSemanticVersion(options.toolVersion())
                .withInformationUri(URI.create(INFORMATION_URI))
                .withRules(rules);
    }

    private static ReportingDescriptor descriptor(RuleMetadata rule) {
        Set<String> tags = new LinkedHashSet<>(List.of(rule.category().label(), "heroku", "deploy"));
        ReportingDescriptor descriptor = new ReportingDescriptor()
                .withId(rule.id())
                .withName(rule.name())
                .withShortDescription(new MultiformatMessageString().withText(limit(oneLine(rule.summary()))))
                .withFullDescription(new MultiformatMessageString().withText(limit(fullDescription(rule))))
                .withHelp(new MultiformatMessageString().withText(rule.docs()).withMarkdown(rule.docs()))
                .withDefaultConfiguration(new ReportingConfiguration()
                        .withLevel(ReportingConfiguration.Level.fromValue(rule.severity().label())))
                .withProperties(new PropertyBag().withTags(tags)
                        .withAdditionalProperty("phase", rule.phase().label())
                        .withAdditionalProperty("appliesTo", rule.appliesTo().label()));
        if (rule.category() == dev.deploylint.lint.Category.SECURITY) {
            // GitHub ranks security alerts by this CVSS-like score: critical from 9.0, high from 7.0, medium from 4.0.
            tags.add("security");
            descriptor.getProperties().withTags(tags).withAdditionalProperty("security-severity", switch (rule.severity()) {
                case ERROR -> "8.0";
                case WARNING -> "5.0";
                case NOTE -> "2.0";
            });
        }
        helpUri(rule).ifPresent(descriptor::withHelpUri);
        return descriptor;
    }

    private static Optional<URI> helpUri(RuleMetadata rule) {
        if (rule.helpUri() == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(rule.helpUri().strip());
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The first paragraph under {@code ## What it checks}, else the summary, on one line. */
    static String fullDescription(RuleMetadata rule) {
        String docs = rule.docs();
        int heading = docs.indexOf("## What it checks");
        if (heading >= 0) {
            int start = docs.indexOf('\n', heading);
            if (start >= 0) {
                String rest = docs.substring(start).strip();
                int end = rest.indexOf("\n\n");
                String paragraph = end < 0 ? rest : rest.substring(0, end);
                if (!paragraph.isBlank() && !paragraph.startsWith("#")) {
                    return oneLine(paragraph);
                }
            }
        }
        return oneLine(rule.summary());
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Cuts text to {@link #MAX_DESCRIPTION} code points, ending with an ellipsis when cut. */
    static String limit(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_DESCRIPTION) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_DESCRIPTION - 1)) + "\u2026";
    }

    private Result result(AppReport app, RuleCatalog catalog, Finding finding, Map<String, Integer> seen) {
        var location = finding.location();
        Optional<String> source = app.lines().line(location.path(), location.line());
        Result result = new Result()
                .withRuleId(finding.ruleId())
                .withRuleIndex(catalog.indexOf(finding.ruleId()))
                .withLevel(level(finding.severity()))
                .withMessage(new Message().withText(finding.message()))
                .withLocations(List.of(new Location().withPhysicalLocation(physical(app, location, source))))
                .withPartialFingerprints(new PartialFingerprints()
                        .withAdditionalProperty(FINGERPRINT_KEY, fingerprint(app.normalisedRoot(), finding, source, seen)));
        if (!finding.evidence().isEmpty()) {
            Set<Location> related = new LinkedHashSet<>();
            int id = 1;
            for (Evidence evidence : finding.evidence()) {
                var at = evidence.location();
                related.add(new Location()
                        .withId(id++)
                        .withMessage(new Message().withText(evidence.message()))
                        .withPhysicalLocation(physical(app, at, app.lines().line(at.path(), at.line()))));
            }
            result.withRelatedLocations(related);
        }
        if (finding.fixable()) {
            sarifFix(app, finding.fix()).ifPresent(fix -> result.withFixes(new LinkedHashSet<>(List.of(fix))));
        }
        return result;
    }

    /**
     * The fix as SARIF {@code artifactChanges}: text replacements (a created file is an insertion
     * into an empty one, a byte-order mark a deleted byte range). A fix that renames or deletes a
     * file has no SARIF form and is left out; the JSON output and {@code deploylint fix} carry it.
     */
    private Optional<Fix> sarifFix(AppReport app, dev.deploylint.lint.Fix fix) {
        Map<String, List<Replacement>> byFile = new java.util.LinkedHashMap<>();
        for (dev.deploylint.lint.Fix.Edit edit : fix.edits()) {
            List<Replacement> replacements = byFile.computeIfAbsent(edit.path(), p -> new ArrayList<>());
            if (edit instanceof dev.deploylint.lint.Fix.Replace replace) {
                replacements.add(new Replacement()
                        .withDeletedRegion(new Region().withStartLine(replace.start().line()).withStartColumn(replace.start().column())
                                .withEndLine(replace.end().line()).withEndColumn(replace.end().column()))
                        .withInsertedContent(new ArtifactContent().withText(replace.replacement())));
            } else if (edit instanceof dev.deploylint.lint.Fix.Create create) {
                replacements.add(new Replacement()
                        .withDeletedRegion(new Region().withStartLine(1).withStartColumn(1).withEndLine(1).withEndColumn(1))
                        .withInsertedContent(new ArtifactContent().withText(create.content())));
            } else if (edit instanceof dev.deploylint.lint.Fix.DropByteOrderMark) {
                replacements.add(new Replacement().withDeletedRegion(new Region().withByteOffset(0).withByteLength(3)));
            } else {
                return Optional.empty();
            }
        }
        Set<ArtifactChange> changes = new LinkedHashSet<>();
        byFile.forEach((path, replacements) -> changes.add(new ArtifactChange().withArtifactLocation(artifact(app, path))
                .withReplacements(replacements)));
        return Optional.of(new Fix().withDescription(new Message().withText(fix.description())).withArtifactChanges(changes));
    }

    private static Result.Level level(Severity severity) {
        return switch (severity) {
            case ERROR -> Result.Level.ERROR;
            case WARNING -> Result.Level.WARNING;
            case NOTE -> Result.Level.NOTE;
        };
    }

    private PhysicalLocation physical(AppReport app, dev.deploylint.source.Location location, Optional<String> source) {
        ArtifactLocation artifact = artifact(app, location.path());
        Region region = new Region().withStartLine(location.line()).withStartColumn(location.column());
        // The snippet is bounded and masked like the text report's: SARIF is uploaded and shown in CI.
        source.ifPresent(text -> region.withSnippet(new ArtifactContent().withText(Snippet.of(text, location.column()).text())));
        return new PhysicalLocation().withArtifactLocation(artifact).withRegion(region);
    }

    /**
     * The file's URI: relative to the repository's top level under {@code %SRCROOT%} when the
     * source root is known and holds it; else as the user typed the app's path; a {@code file://}
     * URI for a file outside the source root or typed as an absolute path.
     */
    private ArtifactLocation artifact(AppReport app, String path) {
        Optional<String> root = options.sarif().sourceRoot();
        if (root.isPresent()) {
            java.nio.file.Path file = java.nio.file.Path.of(app.root()).toAbsolutePath().resolve(path).normalize();
            java.nio.file.Path top = java.nio.file.Path.of(root.get());
            if (file.startsWith(top)) {
                return new ArtifactLocation().withUri(encodePath(top.relativize(file).toString().replace('\\', '/'))).withUriBaseId(SRCROOT);
            }
            return new ArtifactLocation().withUri(fileUri(file.toString()));
        }
        String shown = app.displayPath(path);
        return app.rootIsAbsolute() ? new ArtifactLocation().withUri(fileUri(shown))
                : new ArtifactLocation().withUri(encodePath(shown)).withUriBaseId(SRCROOT);
    }

    private boolean uriIsAbsolute(AppReport app) {
        if (options.sarif().sourceRoot().isPresent()) {
            return !java.nio.file.Path.of(app.root()).toAbsolutePath().normalize().startsWith(java.nio.file.Path.of(options.sarif().sourceRoot().get()));
        }
        return app.rootIsAbsolute();
    }

    /** A {@code file://} URI for an absolute POSIX, Windows drive or UNC path. */
    static String fileUri(String absolutePath) {
        String path = absolutePath.replace('\\', '/');
        if (path.startsWith("//")) {
            return "file:" + encodePath(path);
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        return "file://" + encodePath(path);
    }

    /**
     * Percent-encodes a '/'-separated path as a URI reference: unreserved characters, '/' and a few
     * sub-delimiters stay, everything else (spaces, ':', non-ASCII as UTF-8) is encoded. A drive
     * letter's colon after a leading '/' stays so {@code /C:/x} remains readable.
     */
    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder(path.length());
        byte[] bytes = path.replace('\\', '/').getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean driveColon = b == ':' && i == 2 && bytes[0] == '/' && Character.isLetter(bytes[1]);
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(b) >= 0 || driveColon) {
                sb.append((char) b);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    /** With a run per app, GitHub's category (the text before the last '/') is each app's own. */
    static String automationId(AppReport app) {
        String root = app.normalisedRoot().replace('\\', '/');
        return root.isEmpty() ? "deploylint/" : "deploylint/" + root + "/";
    }

    /**
     * A hash of rule id, app-relative path and a content key that survives the finding moving to
     * another line: the source line's text when known, else the message. The n-th repeat of a hash
     * in a run gets {@code :n}, as GitHub's own line hashes do.
     */
    static String fingerprint(Finding finding, Optional<String> source, Map<String, Integer> seen) {
        return fingerprint("", finding, source, seen);
    }

    /** {@link #fingerprint(Finding, Optional, Map)} of an app in a run that holds several: the app's folder is part of the key. */
    static String fingerprint(String appRoot, Finding finding, Optional<String> source, Map<String, Integer> seen) {
        String hash = contentKey(appRoot, finding, source);
        int occurrence = seen.merge(hash, 1, Integer::sum);
        return hash + ":" + occurrence;
    }

    /**
     * A key for a finding that survives it moving to another line: a hash of the rule id, the
     * app-relative path and the source line's text when known, else the message.
     */
    public static String contentKey(Finding finding, Optional<String> source) {
        return contentKey("", finding, source);
    }

    private static String contentKey(String appRoot, Finding finding, Optional<String> source) {
        String content = source.map(SarifReporter::oneLine).filter(s -> !s.isEmpty()).orElse(finding.message());
        String path = appRoot.isEmpty() ? finding.location().path() : appRoot + "/" + finding.location().path();
        String key = finding.ruleId() + "\u0000" + path + "\u0000" + content;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
