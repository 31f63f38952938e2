package dev.deploylint.cli;

import dev.deploylint.config.Config;
import dev.deploylint.config.ConfigFile;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Linter;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.Severity;
import dev.deploylint.project.AppFinder;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.report.AppContext;
import dev.deploylint.report.AppReport;
import dev.deploylint.report.GithubReporter;
import dev.deploylint.report.ReportFormat;
import dev.deploylint.report.ReportOptions;
import dev.deploylint.report.SourceLines;
import dev.deploylint.rules.BuiltInRules;
import dev.deploylint.rules.data.DataTables;
import dev.deploylint.rules.data.PythonVersionTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code deploylint check}: lint apps and report. */
@CommandLine.Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Lint the apps at PATH (default: the current folder) and report every finding.",
            "A PATH that is not itself an app is searched for apps: folders with a Procfile, app.json, heroku.yml,",
            "a Python package-manager or version file, or manage.py."})
final class CheckCommand implements Callable<Integer> {

    enum Color { AUTO, ALWAYS, NEVER }

    enum FailOn { ERROR, WARNING, NOTE, NEVER }

    @CommandLine.Parameters(paramLabel = "PATH", arity = "0..*", description = "App folders to lint (default: .).")
    private List<Path> paths = new ArrayList<>();

    @CommandLine.Option(names = "--format", paramLabel = "FORMAT[:FILE]",
            description = {"Output format: text (default), compact, json, sarif, github, gitlab, checkstyle or junit.",
                "Repeat it to write several: --format text --format sarif:deploylint.sarif; a format without",
                ":FILE goes to --output or standard output."})
    private List<String> formats = new ArrayList<>();

    @CommandLine.Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    private Path output;

    @CommandLine.Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit with 1 when a finding is at least this severe: error, warning, note or never (default: error, or the config file's).")
    private String failOn;

    @CommandLine.Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (default: .deploylint.yml at the app root or above it, up to the git root).")
    private Path configFile;

    @CommandLine.Option(names = "--stack", paramLabel = "STACK",
            description = "The Heroku stack the app is built on: heroku-22, heroku-24 or heroku-26 (default: the data table's default stack).")
    private String stack;

    @CommandLine.Option(names = "--env", paramLabel = "NAME=VALUE",
            description = "A config var the Heroku app has (repeatable), e.g. --env DJANGO_SETTINGS_MODULE=mysite.settings.production.")
    private java.util.Map<String, String> env = new java.util.LinkedHashMap<>();

    @CommandLine.Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour text output: auto (only on a terminal, and not when NO_COLOR is set), always or never.")
    private String color;

    @CommandLine.Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings this baseline (written by --write-baseline) does not know.")
    private Path baseline;

    @CommandLine.Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record today's findings in FILE to adopt deploylint on an existing app; fixed ones drop out when it is rewritten.")
    private Path writeBaseline;

    @CommandLine.Option(names = "--app", paramLabel = "DIR",
            description = "Lint only the found apps at or below DIR (repeatable), e.g. --app services/api in a monorepo.")
    private List<Path> only = new ArrayList<>();

    @CommandLine.Option(names = "--debug", description = "Print stack traces of internal errors.")
    private boolean debug;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Output> outputs = outputs();
        Color colorMode = parse(() -> Color.valueOf(color.toUpperCase(Locale.ROOT)), "--color", color);
        if (failOn != null) {
            parse(() -> FailOn.valueOf(failOn.toUpperCase(Locale.ROOT)), "--fail-on", failOn);
        }
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new UsageException("--config " + configFile + " does not exist");
        }
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new UsageException("path does not exist: " + root);
            }
            if (!Files.isDirectory(root)) {
                throw new UsageException(root + " is not a folder; pass the app's root folder");
            }
        }

        RuleCatalog catalog = RuleCatalog.load(BuiltInRules.ids());
        Linter linter = new Linter(BuiltInRules.ALL, catalog);
        List<AppReport> reports = new ArrayList<>();
        List<AppReport> unfiltered = new ArrayList<>();
        if (baseline != null && !Files.isRegularFile(baseline)) {
            throw new UsageException("--baseline " + baseline + " does not exist; create it with --write-baseline");
        }
        Baseline known = baseline == null ? null : Baseline.read(baseline);
        int[] hiddenByBaseline = {0};
        boolean successful = true;
        boolean failed = false;
        PrintWriter err = spec.commandLine().getErr();
        List<Path> apps = new ArrayList<>();
        for (Path root : roots) {
            for (Path app : AppFinder.find(root)) {
                if (only.isEmpty() || only.stream().anyMatch(dir -> app.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize()))) {
                    apps.add(app);
                }
            }
        }
        if (apps.isEmpty()) {
            throw new UsageException("no app found at or below " + only + " in " + roots);
        }
        // Apps are linted in parallel on all cores (rules are stateless); reports keep the apps' order.
        List<Linted> linted = apps.parallelStream().map(root -> lint(root, linter, catalog)).toList();
        for (Linted one : linted) {
            Path root = one.root();
            Config config = one.config();
            Linter.LintResult result = one.result();
            List<Finding> findings = config.apply(result.findings(), catalog::get);
            FailOn threshold = FailOn.valueOf(config.failOn().toUpperCase(Locale.ROOT));
            for (Linter.RuleFailure failure : result.failures()) {
                successful = false;
                err.println("deploylint: internal error in rule " + failure.ruleId() + " on " + root + ": " + failure.cause());
                if (debug) {
                    failure.cause().printStackTrace(err);
                }
            }
            AppReport report = AppReport.of(display(root), findings, one.lines(), one.context());
            unfiltered.add(report);
            if (known != null) {
                report = report.withFindings(known.filter(report, hiddenByBaseline));
            }
            reports.add(report);
            failed |= report.findings().stream().anyMatch(f -> fails(f, threshold));
        }
        for (String note : DataTables.staleNotes(DataTables.checkedDates(), java.time.LocalDate.now())) {
            err.println("deploylint: " + note);
        }
        if (known != null && hiddenByBaseline[0] > 0) {
            err.println("deploylint: the baseline " + baseline + " hid " + hiddenByBaseline[0] + " known finding"
                    + (hiddenByBaseline[0] == 1 ? "" : "s"));
        }
        if (writeBaseline != null) {
            Baseline.write(writeBaseline, unfiltered);
            err.println("deploylint: wrote " + unfiltered.stream().mapToInt(r -> r.findings().size()).sum() + " findings to the baseline " + writeBaseline);
        }
        if (!successful && !debug) {
            err.println("Run again with --debug for the stack traces, and please report them.");
        }
        err.flush();

        for (Output target : outputs) {
            ReportOptions options = new ReportOptions(VersionProvider.version(), target.file() == null && useColor(colorMode), successful);
            StringBuilder text = new StringBuilder();
            target.format().reporter(options).write(reports, linter.catalog(), text);
            if (target.file() != null) {
                Files.writeString(target.file(), text, StandardCharsets.UTF_8);
            } else {
                PrintWriter out = spec.commandLine().getOut();
                out.print(text);
                out.flush();
            }
            if (target.format() == ReportFormat.GITHUB) {
                appendStepSummary(GithubReporter.summary(reports, linter.catalog()));
            }
        }
        if (!successful) {
            return ExitCode.INTERNAL;
        }
        return failed ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    /** One app's outcome without its model: the findings and the source lines they point at. */
    private record Linted(Path root, Config config, Linter.LintResult result, SourceLines lines, AppContext context) {
    }

    /** What deploylint assumed about the app: for a Django app, the settings module it evaluated and why. */
    static AppContext context(Project project) {
        DjangoProject django = DjangoProject.of(project);
        if (!django.isDjango()) {
            return AppContext.NONE;
        }
        Optional<DjangoProject.ModuleReference> module = django.settingsModule();
        return new AppContext(true, module.map(DjangoProject.ModuleReference::name), module.map(DjangoProject.ModuleReference::source));
    }

    private Linted lint(Path root, Linter linter, RuleCatalog catalog) {
        Config config = effectiveConfig(root, catalog);
        try {
            Linter.LintResult result = linter.lint(Project.open(root, config.stack(), env));
            Project project = result.project();
            SourceLines lines = SourceLines.snapshot(result.findings(),
                    (path, line) -> project.text(path).filter(f -> line >= 1 && line <= f.lineCount()).map(f -> f.line(line)));
            return new Linted(root, config, result.withoutProject(), lines, context(project));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Defaults, then the config file, then flags; the stack must be one the buildpack supports. */
    Config effectiveConfig(Path app, RuleCatalog catalog) {
        Config config = ConfigFile.resolve(app, configFile, PythonVersionTable.get().defaultStack(), stack, failOn, catalog);
        List<String> stacks = PythonVersionTable.get().supportedStacks();
        if (!stacks.contains(config.stack())) {
            throw new UsageException("stack " + config.stack() + " (from " + config.origins().get("stack")
                    + ") is not a stack the Heroku Python buildpack supports; use one of " + String.join(", ", stacks));
        }
        return config;
    }

    /** One report to write: a format and its file, or null for standard output. */
    private record Output(ReportFormat format, Path file) {
    }

    private List<Output> outputs() {
        List<Output> outputs = new ArrayList<>();
        boolean toStandardOutput = false;
        for (String spec : formats.isEmpty() ? List.of("text") : formats) {
            int colon = spec.indexOf(':');
            String name = colon < 0 ? spec : spec.substring(0, colon);
            ReportFormat format = parse(() -> ReportFormat.parse(name), "--format", spec);
            Path file = colon < 0 ? output : Path.of(spec.substring(colon + 1));
            if (file == null || colon < 0) {
                if (toStandardOutput) {
                    throw new UsageException("only one --format may go to " + (output == null ? "standard output" : "--output")
                            + "; give the others a file, as in --format sarif:deploylint.sarif");
                }
                toStandardOutput = true;
            }
            outputs.add(new Output(format, file));
        }
        return outputs;
    }

    /** Appends the Markdown summary to the GitHub Actions job summary, when running in a workflow. */
    private static void appendStepSummary(String markdown) throws IOException {
        String summary = System.getenv("GITHUB_STEP_SUMMARY");
        if (summary != null && !summary.isBlank()) {
            Files.writeString(Path.of(summary), markdown, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private static boolean fails(Finding finding, FailOn threshold) {
        return threshold != FailOn.NEVER && finding.severity().atLeast(Severity.valueOf(threshold.name()));
    }

    private boolean useColor(Color mode) {
        if (mode != Color.AUTO) {
            return mode == Color.ALWAYS;
        }
        String noColor = System.getenv("NO_COLOR");
        return output == null && System.console() != null && (noColor == null || noColor.isEmpty())
                && !"dumb".equals(System.getenv("TERM"));
    }

    /** The app folder as the user wrote it, without a leading {@code ./}. */
    private static String display(Path root) {
        String text = root.normalize().toString();
        return text.isEmpty() ? "." : text;
    }

    private interface Parser<T> {
        T parse();
    }

    private static <T> T parse(Parser<T> parser, String option, String value) {
        try {
            return parser.parse();
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid value for " + option + ": '" + value + "'" + switch (option) {
                case "--format" -> " (expected text, compact, json, sarif, github, gitlab, checkstyle or junit, optionally with :FILE)";
                case "--fail-on" -> " (expected error, warning, note or never)";
                default -> " (expected auto, always or never)";
            });
        }
    }
}
