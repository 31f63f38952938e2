package dev.deploylint.lsp;

import dev.deploylint.config.Config;
import dev.deploylint.config.ConfigFile;
import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Linter;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.RuleMetadata;
import dev.deploylint.project.AppFinder;
import dev.deploylint.project.Project;
import dev.deploylint.rules.BuiltInRules;
import dev.deploylint.rules.data.PythonVersionTable;
import dev.deploylint.source.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Lints one app as {@code check} does (its {@code .deploylint.yml}, the built-in rules, inline
 * suppressions) with the editor's unsaved contents as an overlay, and turns the findings into
 * diagnostics per file. Findings an inline comment suppresses are not shown.
 */
final class AppDiagnostics {

    static final String SOURCE = "deploylint";

    private final RuleCatalog catalog = RuleCatalog.load(BuiltInRules.ids());
    private final Linter linter = new Linter(BuiltInRules.ALL, catalog);

    /** The nearest folder at or above {@code file}'s folder that is an app, if any. */
    static Optional<Path> appHolding(Path file) {
        for (Path folder = file.toAbsolutePath().normalize().getParent(); folder != null; folder = folder.getParent()) {
            if (AppFinder.kind(folder) == AppFinder.Kind.APP) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /**
     * The diagnostics of every file of the app at {@code app} with findings, by absolute path.
     * {@code overlay} maps absolute paths to unsaved text. A rule that throws is reported to
     * {@code log} and the other rules' findings are still returned.
     */
    Map<Path, List<Diagnostic>> lint(Path app, Map<Path, String> overlay, Consumer<String> log) throws IOException {
        Config config = ConfigFile.resolve(app, null, PythonVersionTable.get().defaultStack(), null, null, catalog);
        Map<String, String> unsaved = new LinkedHashMap<>();
        overlay.forEach((file, text) -> {
            if (file.startsWith(app)) {
                unsaved.put(app.relativize(file).toString().replace(java.io.File.separatorChar, '/'), text);
            }
        });
        Linter.LintResult result = linter.lint(Project.open(app, config.stack(), config.env(), unsaved), config.runs(catalog::get));
        for (Linter.RuleFailure failure : result.failures()) {
            log.accept("rule " + failure.ruleId() + " failed on " + app + ": " + failure.cause());
        }
        Project project = result.project();
        Map<Path, List<Diagnostic>> byFile = new LinkedHashMap<>();
        for (Finding finding : config.apply(result.findings(), catalog::get)) {
            if (finding.suppressed()) {
                continue;
            }
            Path file = app.resolve(finding.location().path());
            byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(diagnostic(app, project, finding));
        }
        return byFile;
    }

    private Diagnostic diagnostic(Path app, Project project, Finding finding) {
        Diagnostic diagnostic = new Diagnostic(range(project, finding.location()), finding.message());
        diagnostic.setSeverity(switch (finding.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case NOTE -> DiagnosticSeverity.Information;
        });
        diagnostic.setSource(SOURCE);
        diagnostic.setCode(finding.ruleId());
        RuleMetadata rule = catalog.get(finding.ruleId());
        String docs = rule == null ? null : rule.helpUri();
        if (docs != null && !docs.isBlank()) {
            diagnostic.setCodeDescription(new DiagnosticCodeDescription(docs.strip()));
        }
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (Evidence evidence : finding.evidence()) {
            org.eclipse.lsp4j.Location where = new org.eclipse.lsp4j.Location(
                    app.resolve(evidence.location().path()).toUri().toString(), range(project, evidence.location()));
            related.add(new DiagnosticRelatedInformation(where, evidence.message()));
        }
        if (!related.isEmpty()) {
            diagnostic.setRelatedInformation(related);
        }
        return diagnostic;
    }

    /**
     * From the finding's column to the end of its line. Locations count code points from 1; the
     * protocol counts UTF-16 units from 0, so the line's text converts one to the other.
     */
    static Range range(Project project, Location location) {
        int line = location.line() - 1;
        Optional<String> text = project.text(location.path())
                .filter(file -> location.line() <= file.lineCount())
                .map(file -> file.line(location.line()));
        if (text.isEmpty()) {
            Position at = new Position(line, location.column() - 1);
            return new Range(at, at);
        }
        String lineText = text.get();
        int codePoints = lineText.codePointCount(0, lineText.length());
        int start = lineText.offsetByCodePoints(0, Math.min(location.column() - 1, codePoints));
        int end = Math.max(start, lineText.length());
        return new Range(new Position(line, start), new Position(line, end));
    }
}
