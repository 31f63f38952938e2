package dev.deploylint.report;

import dev.deploylint.lint.Applicability;
import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Phase;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.Severity;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The human report: per finding a header, the source line with a caret under the column, the
 * rule's fix hint and the evidence, then a summary line. ANSI colours only when enabled; control
 * characters in messages and source text are shown as U+FFFD so nothing reaches the terminal raw.
 */
public final class TextReporter implements Reporter {

    /** Tabs in a displayed line advance to the next multiple of this width. */
    static final int TAB_WIDTH = 4;

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String CYAN = "\u001b[1;36m";
    private static final String BLUE = "\u001b[34m";
    private static final String GREEN = "\u001b[32m";

    private final boolean color;
    private final ReportOptions.Text text;

    public TextReporter(ReportOptions options) {
        this.color = options.color();
        this.text = options.text();
    }

    @Override
    public void write(List<AppReport> apps, RuleCatalog catalog, Appendable out) throws IOException {
        if (text.statistics()) {
            writeStatistics(apps, catalog, out);
            return;
        }
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        int safe = 0;
        int unsafe = 0;
        for (AppReport app : apps) {
            // The assumptions the findings rest on come first: the deploy style and the settings module.
            Optional<String> header = header(app, apps.size() > 1);
            if (header.isPresent()) {
                out.append(header.get()).append("\n\n");
            }
            for (Finding finding : errorsFirst(app.findings())) {
                counts.merge(finding.severity(), 1, Integer::sum);
                Applicability fix = applicability(finding, catalog);
                safe += fix == Applicability.SAFE ? 1 : 0;
                unsafe += fix == Applicability.UNSAFE ? 1 : 0;
                writeFinding(app, finding, catalog.get(finding.ruleId()).fixHint(), fix, out);
            }
        }
        if (text.quiet()) {
            return;
        }
        int suppressed = apps.stream().mapToInt(app -> app.suppressed().size()).sum();
        String summary = summary(counts, apps.size());
        out.append(paint(BOLD, suppressed == 0 ? summary : summary + " (" + suppressed + " suppressed by inline comments)")).append('\n');
        if (safe + unsafe > 0) {
            out.append(fixable(safe, unsafe)).append('\n');
        }
        if (counts.getOrDefault(Severity.ERROR, 0) > 0) {
            out.append(verdict(apps, catalog)).append('\n');
        }
    }

    /** How a finding can be fixed: {@code NONE} when it has no fix. */
    static Applicability applicability(Finding finding, RuleCatalog catalog) {
        return finding.fixable() ? catalog.get(finding.ruleId()).fix() : Applicability.NONE;
    }

    /** The summary's fix line, as ruff words it: {@code [*] 2 fixable with `deploylint fix` (1 more with --unsafe-fixes)}. */
    static String fixable(int safe, int unsafe) {
        if (safe == 0) {
            return "[*] " + unsafe + " fixable with `deploylint fix --unsafe-fixes`";
        }
        return "[*] " + safe + " fixable with `deploylint fix`" + (unsafe == 0 ? "" : " (" + unsafe + " more with `--unsafe-fixes`)");
    }

    /** The app's header line: {@code deploy: container (heroku.yml build.docker, heroku.yml:2:3)}, prefixed by the root. */

    /**
     * Findings grouped by file, files with the most severe findings first, and within a file the
     * most severe first, then by position: what blocks the deploy is read first.
     */
    static List<Finding> errorsFirst(List<Finding> findings) {
        Map<String, Severity> worst = new java.util.HashMap<>();
        for (Finding finding : findings) {
            worst.merge(finding.location().path(), finding.severity(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
        }
        return findings.stream()
                .sorted(java.util.Comparator.comparing((Finding f) -> worst.get(f.location().path()))
                        .thenComparing(f -> f.location().path())
                        .thenComparing(Finding::severity)
                        .thenComparing(Finding.ORDER))
                .toList();
    }

    /** {@code --statistics}: how many findings each rule has, most first, like ruff's. */
    private void writeStatistics(List<AppReport> apps, RuleCatalog catalog, Appendable out) throws IOException {
        Map<String, Integer> perRule = new java.util.TreeMap<>();
        for (AppReport app : apps) {
            for (Finding finding : app.findings()) {
                perRule.merge(finding.ruleId(), 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> rows = perRule.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        int width = rows.stream().mapToInt(e -> String.valueOf(e.getValue()).length()).max().orElse(1);
        for (Map.Entry<String, Integer> row : rows) {
            var rule = catalog.get(row.getKey());
            String count = String.valueOf(row.getValue());
            out.append(" ".repeat(width - count.length())).append(count).append('\t').append(rule.id()).append('\t')
                    .append(paint(colorOf(rule.severity()), rule.severity().label())).append('\t').append(rule.name()).append('\n');
        }
    }

    /**
     * Where the deploy breaks: {@code Verdict: build would fail (PY002), release ok, web would fail (PF004)}.
     * The app setup from app.json is named only when it fails, since a git push does not run it.
     */
    String verdict(List<AppReport> apps, RuleCatalog catalog) {
        Map<Phase, java.util.Set<String>> failing = new EnumMap<>(Phase.class);
        for (AppReport app : apps) {
            for (Finding finding : app.findings()) {
                if (finding.severity() == Severity.ERROR) {
                    failing.computeIfAbsent(catalog.get(finding.ruleId()).phase(), p -> new java.util.TreeSet<>()).add(finding.ruleId());
                }
            }
        }
        List<String> parts = new java.util.ArrayList<>();
        for (Phase phase : Phase.values()) {
            java.util.Set<String> rules = failing.get(phase);
            if (phase == Phase.SETUP && rules == null) {
                continue; // app.json is only read when an app is created from it, so "setup ok" would be noise
            }
            parts.add(rules == null ? phase.label() + " ok"
                    : paint(RED, phase.label() + " would fail") + " (" + String.join(", ", rules) + ")");
        }
        return "Verdict: " + String.join(", ", parts);
    }

    private void writeFinding(AppReport app, Finding finding, String fix, Applicability applicability, Appendable out) throws IOException {
        var location = finding.location();
        String severityColor = colorOf(finding.severity());
        out.append(paint(BOLD, Sanitizer.path(app.displayPath(location.path())) + ":" + location.line() + ":"
                        + location.column() + ": " + finding.ruleId() + " "))
                .append(paint(severityColor, finding.severity().label()))
                .append(paint(BOLD, ": " + clean(finding.message())))
                .append('\n');
        Optional<String> source = text.showSource() ? app.lines().line(location.path(), location.line()) : Optional.empty();
        if (source.isPresent()) {
            Display display = Display.of(source.get(), location.column());
            String number = String.valueOf(location.line());
            int width = Math.max(4, number.length());
            out.append(paint(BLUE, " ".repeat(width - number.length()) + number + " |"));
            if (!display.text().isEmpty()) {
                out.append(' ').append(display.text());
            }
            out.append('\n');
            out.append(paint(BLUE, " ".repeat(width) + " |")).append(' ')
                    .append(" ".repeat(display.caretOffset()))
                    .append(paint(severityColor, "^"))
                    .append('\n');
        }
        if (!fix.isEmpty()) {
            out.append("  ").append(paint(GREEN, "fix:")).append(' ').append(clean(fix)).append('\n');
        }
        if (applicability != Applicability.NONE) {
            out.append("  ").append(paint(GREEN, "[*]")).append(" fixable with `deploylint fix")
                    .append(applicability == Applicability.UNSAFE ? " --unsafe-fixes" : "").append("`: ")
                    .append(clean(finding.fix().description())).append('\n');
        }
        for (Evidence evidence : finding.evidence()) {
            var at = evidence.location();
            String message = clean(evidence.message());
            boolean because = message.startsWith("because ");
            out.append("  ").append(paint(BOLD, because ? "because" : "see:")).append(' ')
                    .append(because ? message.substring("because ".length()) : message)
                    .append(" (").append(clean(app.displayPath(at.path()))).append(':').append(String.valueOf(at.line()))
                    .append(':').append(String.valueOf(at.column())).append(")\n");
        }
        out.append('\n');
    }

    /**
     * The first line of an app's section: what deploylint assumed, prefixed with the app's folder
     * when the report covers several apps.
     */
    /**
     * One line per app naming what the findings assume: {@code deploy: buildpack; settings:
     * mysite.settings (default in mysite/wsgi.py:14)}, after the app folder when there are several.
     */
    private Optional<String> header(AppReport app, boolean severalApps) {
        List<String> parts = new java.util.ArrayList<>();
        app.deployStyle().ifPresent(style -> parts.add("deploy: " + AppReport.describe(app, style)));
        if (!app.context().isEmpty()) {
            parts.add(app.context().describe());
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String root = app.normalisedRoot().isEmpty() ? "." : app.normalisedRoot();
        return Optional.of(paint(CYAN, (severalApps ? Sanitizer.path(root) + ": " : "") + clean(String.join("; ", parts))));
    }

    /** The closing line, e.g. {@code 2 errors, 1 warning, 0 notes in 1 app}. */
    static String summary(Map<Severity, Integer> counts, int apps) {
        String where = " in " + plural(apps, "app");
        int errors = counts.getOrDefault(Severity.ERROR, 0);
        int warnings = counts.getOrDefault(Severity.WARNING, 0);
        int notes = counts.getOrDefault(Severity.NOTE, 0);
        if (errors + warnings + notes == 0) {
            return "No problems found" + where;
        }
        return plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(notes, "note") + where;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private String colorOf(Severity severity) {
        return switch (severity) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case NOTE -> CYAN;
        };
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }

    /** Replaces control and bidirectional-override characters, which would corrupt a terminal. */
    static String clean(String text) {
        return Sanitizer.clean(text);
    }

    private static boolean isUnsafe(int cp) {
        return Sanitizer.isUnsafe(cp);
    }

    /** A source line as shown (secrets masked, cut around the column, tabs expanded, unsafe characters replaced) and the caret's offset. */
    record Display(String text, int caretOffset) {

        static Display of(String line, int column) {
            Snippet.Window window = Snippet.of(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line, column);
            return render(window.text(), window.column());
        }

        private static Display render(String raw, int column) {
            StringBuilder shown = new StringBuilder(raw.length());
            int width = 0;
            int caret = -1;
            int index = 1;
            for (int i = 0; i < raw.length(); ) {
                int cp = raw.codePointAt(i);
                i += Character.charCount(cp);
                if (index == column) {
                    caret = width;
                }
                index++;
                if (cp == '\t') {
                    int spaces = TAB_WIDTH - width % TAB_WIDTH;
                    shown.append(" ".repeat(spaces));
                    width += spaces;
                } else if (isUnsafe(cp)) {
                    shown.append('\uFFFD');
                    width += 1;
                } else {
                    shown.appendCodePoint(cp);
                    width += columns(cp);
                }
            }
            return new Display(shown.toString(), caret < 0 ? width : caret);
        }

        /** Terminal cells a code point takes: 0 for combining marks, 2 for East Asian wide ones. */
        static int columns(int cp) {
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                return 0;
            }
            boolean wide = (cp >= 0x1100 && cp <= 0x115F)
                    || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                    || (cp >= 0xAC00 && cp <= 0xD7A3)
                    || (cp >= 0xF900 && cp <= 0xFAFF)
                    || (cp >= 0xFE30 && cp <= 0xFE4F)
                    || (cp >= 0xFF00 && cp <= 0xFF60)
                    || (cp >= 0xFFE0 && cp <= 0xFFE6)
                    || (cp >= 0x1F300 && cp <= 0x1F64F)
                    || (cp >= 0x1F900 && cp <= 0x1F9FF)
                    || (cp >= 0x20000 && cp <= 0x3FFFD);
            return wide ? 2 : 1;
        }
    }
}
