package dev.deploylint.cli;

import dev.deploylint.config.Config;
import dev.deploylint.config.ConfigFile;
import dev.deploylint.config.Selector;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.Linter;
import dev.deploylint.lint.Rule;
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
            "manage.py, or a Python package-manager or version file that is not a pip library's; test, docs and",
            "example folders only when named. A PATH inside an app lints that app; a PATH with no app exits 2."})
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

    @CommandLine.Option(names = "--env-file", paramLabel = "FILE",
            description = "Config vars from a file of NAME=VALUE lines (as `heroku config --shell` prints them); --env wins over it, it wins over the config file's env:.")
    private Path envFile;

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

    @CommandLine.Option(names = "--select", paramLabel = "RULES", split = ",",
            description = "Only these rules (ids, names, id prefixes, categories or all; comma-separated), replacing the config file's select.")
    private List<String> select;

    @CommandLine.Option(names = "--ignore", paramLabel = "RULES", split = ",",
            description = "Also ignore these rules (ids, names, id prefixes or categories; comma-separated).")
    private List<String> ignore;

    @CommandLine.Option(names = "--exit-zero", description = "Exit with 0 even when findings reach --fail-on (usage and internal errors still exit 2 and 3).")
    private boolean exitZero;

    @CommandLine.Option(names = {"-q", "--quiet"}, description = "Text output: the findings only, without the summary and verdict.")
    private boolean quiet;

    @CommandLine.Option(names = "--statistics", description = "Text output: how many findings each rule has, instead of the findings.")
    private boolean statistics;

    @CommandLine.Option(names = "--no-show-source", description = "Text output: leave out the source line under each finding.")
    private boolean noShowSource;

    @CommandLine.Option(names = "--sarif-run-per-app",
            description = "SARIF: one run per app instead of one run for the whole invocation (GitHub accepts at most 20 runs per upload).")
    private boolean sarifRunPerApp;

    @CommandLine.Option(names = "--rev", paramLabel = "REV",
            description = "Lint the files of commit REV, as a push sends them, instead of the working tree (uncommitted changes do not count).")
    private String rev;

    @CommandLine.Option(names = "--staged", description = "Lint the staged files (the index), as the next commit records them.")
    private boolean staged;

    @CommandLine.Option(names = "--pre-commit",
            description = "For the pre-commit framework: lint the commit being pushed (PRE_COMMIT_TO_REF) at its pre-push stage, else the staged files.")
    private boolean preCommit;

    @CommandLine.Option(names = "--fix", description = "Apply the safe fixes (what `deploylint fix` does), print what changed on stderr, then report what remains.")
    private boolean fix;

    @CommandLine.Option(names = "--unsafe-fixes", description = "With --fix or --diff: also apply fixes that may change the app's behaviour (`fix: unsafe` rules).")
    private boolean unsafeFixes;

    @CommandLine.Option(names = "--diff", description = "Print the fixes as a unified diff and write nothing; exit 1 when something is fixable, else 0.")
    private boolean diff;

    @CommandLine.Option(names = "--debug", description = "Print stack traces of internal errors.")
    private boolean debug;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The rules run; the built-in ones, except in tests of the safety nets. */
    private final List<Rule> rules;

    CheckCommand() {
        this(BuiltInRules.ALL);
    }

    CheckCommand(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public Integer call() throws IOException {
        if (preCommit) {
            String pushed = System.getenv("PRE_COMMIT_TO_REF");
            if (pushed != null && !pushed.isBlank()) {
                rev = pushed;
            } else {
                staged = true;
            }
        }
        if (rev != null && staged) {
            throw new UsageException("--rev and --staged exclude each other: lint either a commit or the index");
        }
        if (paths.stream().anyMatch(path -> path.toString().isEmpty())) {
            // Path.of("") is the current folder: an unset variable ("deploylint \"$APP\"") must not lint another app.
            throw new UsageException("an empty path was given (an unset variable?); name the app's folder, or . for the current one");
        }
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        if (rev == null && !staged) {
            return check(roots, null);
        }
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new UsageException("path does not exist in the working tree: " + root);
            }
        }
        try (GitTree tree = staged ? GitTree.ofIndex(roots.get(0)) : GitTree.ofRevision(roots.get(0), rev)) {
            return check(roots, tree);
        }
    }

    /** An app to lint: the folder read, and the folder as the report shows it (the user's path, not a temporary copy). */
    private record Target(Path scanned, Path shown) {
    }

    private int check(List<Path> roots, GitTree tree) throws IOException {
        List<Output> outputs = outputs();
        Color colorMode = parse(() -> Color.valueOf(color.toUpperCase(Locale.ROOT)), "--color", color);
        if (failOn != null) {
            parse(() -> FailOn.valueOf(failOn.toUpperCase(Locale.ROOT)), "--fail-on", failOn);
        }
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new UsageException("--config " + configFile + " does not exist");
        }
        List<Path> scannedRoots = new ArrayList<>();
        for (Path root : roots) {
            Path scanned = tree == null ? root : tree.map(root);
            if (!Files.exists(scanned)) {
                throw new UsageException("path does not exist" + (tree == null ? "" : " in " + (staged ? "the index" : rev)) + ": " + root
                        + CommandNames.suggestion(root.toString()));
            }
            if (!Files.isDirectory(scanned)) {
                throw new UsageException(root + " is not a folder; pass the app's root folder");
            }
            if (!Files.isReadable(scanned)) {
                throw new UsageException(root + " cannot be listed (permission denied), so deploylint cannot check the app in it");
            }
            scannedRoots.add(scanned);
        }

        RuleCatalog catalog = RuleCatalog.load(BuiltInRules.ids());
        Linter linter = new Linter(rules, catalog);
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
        List<Target> apps = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        int excluded = 0;
        List<Path> scannedOnly = new ArrayList<>();
        for (Path dir : only) {
            scannedOnly.add(tree == null ? dir : tree.map(dir));
        }
        for (int i = 0; i < roots.size(); i++) {
            Path root = roots.get(i);
            Path scanned = scannedRoots.get(i);
            ConfigFile.Excludes excludes = ConfigFile.excludes(scanned, configFile, catalog);
            for (Path found : appsAt(root, scanned, scannedOnly, err)) {
                Path app = shown(root, scanned, found);
                // exclude: in the configuration drops apps the search found, never a folder the user named.
                if (!found.equals(scanned) && scannedOnly.stream().noneMatch(found::equals) && excludes.excluded(found)) {
                    excluded++;
                    continue;
                }
                boolean wanted = scannedOnly.isEmpty() || scannedOnly.stream().anyMatch(dir -> within(found, dir));
                // Overlapping paths (`deploylint . app`) name some apps twice: each is linted once.
                if (wanted && seen.add(found.toAbsolutePath().normalize())) {
                    apps.add(new Target(found, app));
                }
            }
        }
        if (apps.isEmpty()) {
            throw new UsageException(excluded > 0 ? "every app found under " + roots + " is excluded by `exclude:` in the configuration"
                    : "no app found at or below " + only + " in " + roots);
        }
        // Apps are linted in parallel on all cores (rules are stateless); reports keep the apps' order.
        java.util.Map<String, java.util.Optional<Severity>> failOnByApp = new java.util.HashMap<>();
        List<Linted> linted = apps.parallelStream().map(app -> lint(app, linter, catalog)).toList();
        if (fix || diff) {
            if (tree != null) {
                throw new UsageException((diff ? "--diff" : "--fix") + " edits the working tree; it cannot be combined with --rev, --staged or --pre-commit");
            }
            FixRun run = new FixRun(unsafeFixes, diff, err, spec.commandLine().getOut());
            List<Linted> after = new ArrayList<>();
            for (int i = 0; i < apps.size(); i++) {
                Target app = apps.get(i);
                after.add(run.fix(app.scanned(), display(app.shown()), linted.get(i), () -> lint(app, linter, catalog), catalog));
            }
            if (diff) {
                err.flush();
                if (StandardOutput.checked(spec.commandLine().getOut(), err, ExitCode.CLEAN) != ExitCode.CLEAN) {
                    return ExitCode.INTERNAL;
                }
                return run.changedAnything() ? ExitCode.FINDINGS : ExitCode.CLEAN;
            }
            run.summary();
            linted = after;
        }
        for (Linted one : linted) {
            Path root = one.root();
            if (one.crash() != null) {
                successful = false;
                err.println("deploylint: could not lint the app at " + dev.deploylint.report.Sanitizer.clean(display(root)) + ": "
                        + Main.oneLine(one.crash().toString()));
                if (debug) {
                    one.crash().printStackTrace(err);
                }
                continue;
            }
            Config config = one.config();
            Linter.LintResult result = one.result();
            List<Finding> findings = config.apply(result.findings(), catalog::get);
            FailOn threshold = FailOn.valueOf(config.failOn().toUpperCase(Locale.ROOT));
            failOnByApp.put(display(root), threshold == FailOn.NEVER ? java.util.Optional.empty()
                    : java.util.Optional.of(Severity.valueOf(threshold.name())));
            for (Linter.RuleFailure failure : result.failures()) {
                successful = false;
                err.println("deploylint: internal error in rule " + failure.ruleId() + " on "
                        + dev.deploylint.report.Sanitizer.clean(root.toString()) + ": " + Main.oneLine(failure.cause().toString()));
                if (debug) {
                    failure.cause().printStackTrace(err);
                }
            }
            AppReport report = AppReport.of(display(root), findings, one.lines(), one.context()).withDeployStyle(result.deployStyle());
            unfiltered.add(report);
            if (known != null) {
                Baseline.Split split = known.split(report);
                hiddenByBaseline[0] += split.known().size();
                report = report.withBaseline(split.fresh(), split.known());
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
        if (writeBaseline != null && !reports.isEmpty()) {
            Baseline.write(writeBaseline, unfiltered);
            err.println("deploylint: wrote " + unfiltered.stream().mapToInt(r -> r.findings().size()).sum() + " findings to the baseline " + writeBaseline);
        }
        if (!successful && !debug) {
            err.println("Run again with --debug for the stack traces, and please report them.");
        }
        err.flush();
        if (reports.isEmpty()) {
            // Every app crashed: a report of no apps would read "No problems found" (or an empty SARIF that closes alerts).
            return ExitCode.INTERNAL;
        }

        for (Output target : outputs) {
            ReportOptions options = new ReportOptions(VersionProvider.version(), target.file() == null && useColor(colorMode), successful,
                    failOnByApp, new ReportOptions.Text(!noShowSource, quiet, statistics), sarifLayout(roots, known != null));
            StringBuilder text = new StringBuilder();
            target.format().reporter(options).write(reports, linter.catalog(), text);
            if (target.file() != null) {
                write(target.file(), text);
            } else {
                PrintWriter out = spec.commandLine().getOut();
                out.print(text);
                out.flush();
            }
            if (target.format() == ReportFormat.GITHUB) {
                appendStepSummary(GithubReporter.summary(reports, linter.catalog(), options));
            }
        }
        if (!successful) {
            return ExitCode.INTERNAL;
        }
        if (StandardOutput.checked(spec.commandLine().getOut(), err, ExitCode.CLEAN) != ExitCode.CLEAN) {
            return ExitCode.INTERNAL;
        }
        if (writeBaseline != null || exitZero) {
            return ExitCode.CLEAN; // recording a baseline is adopting the findings, not failing on them
        }
        return failed ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    /** {@code found} (an app under {@code scanned}) as the user sees it: below the path they typed. */
    private static Path shown(Path root, Path scanned, Path found) {
        return scanned.equals(root) ? found : root.resolve(scanned.relativize(found).toString()).normalize();
    }

    /**
     * The apps PATH names: those at or below it ({@code scanned}: the user's {@code root}, or its
     * copy in an exported tree), and at or below each --app folder inside it, even a test, docs or
     * example folder; else without --app the app found upwards, said on standard error. A PATH with
     * no app, or that is a library, is a usage error: a silent pass would hide a wrong path.
     */
    private List<Path> appsAt(Path userRoot, Path scanned, List<Path> only, PrintWriter err) throws IOException {
        Path root = scanned;
        List<Path> apps = new ArrayList<>(AppFinder.find(root));
        for (Path dir : only) {
            if (within(dir, root) && Files.isDirectory(dir)) {
                for (Path app : AppFinder.find(dir)) {
                    if (apps.stream().noneMatch(known -> within(known, app) && within(app, known))) {
                        apps.add(app);
                    }
                }
            }
        }
        if (!apps.isEmpty() || !only.isEmpty()) {
            return apps;
        }
        if (AppFinder.kind(root) == AppFinder.Kind.LIBRARY) {
            throw new UsageException(notAnApp(userRoot, userRoot) + hint(root));
        }
        java.util.Optional<AppFinder.Enclosing> above = AppFinder.enclosing(root);
        if (above.isPresent() && above.get().kind() == AppFinder.Kind.APP) {
            err.println(dev.deploylint.report.Sanitizer.clean("deploylint: linting the app at " + display(shown(userRoot, scanned, above.get().folder()))
                    + " (found upwards from " + display(userRoot) + ", which holds no app)"));
            return List.of(above.get().folder());
        }
        if (above.isPresent()) {
            throw new UsageException(notAnApp(root, above.get().folder()));
        }
        throw new UsageException("no Heroku app found under " + display(userRoot) + " (looked for " + String.join(", ", AppFinder.MARKERS)
                + ", skipping hidden, dependency, test, docs and example folders)" + hint(root));
    }

    /** Names an app the search skipped below {@code root}, such as {@code examples/app}, when there is one. */
    private static String hint(Path root) throws IOException {
        List<Path> skipped = AppFinder.findAnywhereBelow(root);
        return skipped.isEmpty() ? "" : "; to lint " + display(skipped.get(0)) + ", name it: deploylint " + display(skipped.get(0));
    }

    private static String notAnApp(Path root, Path library) {
        String mark = AppFinder.libraryMark(library).orElse("setup.py");
        return display(root) + (library.equals(root) ? "" : " is inside " + display(library) + ", which") + " looks like a Python library ("
                + mark + "), not a Heroku app: no Procfile, app.json, heroku.yml or manage.py"
                + "; add a Procfile if this is the app";
    }

    private static boolean within(Path path, Path folder) {
        return path.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize());
    }

    /**
     * One app's outcome without its model: the findings and the source lines they point at, or the
     * {@code crash} that stopped deploylint from linting it (then the other fields are null).
     */
    record Linted(Path root, Config config, Linter.LintResult result, SourceLines lines, AppContext context, Throwable crash) {

        static Linted crashed(Path root, Throwable crash) {
            return new Linted(root, null, null, null, null, crash);
        }
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

    /**
     * Lints one app inside its own safety net: whatever fails while the app is loaded, evaluated,
     * checked or suppressed (even an OutOfMemoryError) is that app's crash, and the other apps are
     * still reported. A configuration error stays a usage error for the whole run.
     */
    private Linted lint(Target app, Linter linter, RuleCatalog catalog) {
        Config config = effectiveConfig(app.scanned(), catalog);
        try {
            Linter.LintResult result = linter.lint(Project.open(app.scanned(), config.stack(), config.env()),
                    config.runs(catalog::get));
            Project project = result.project();
            SourceLines lines = SourceLines.snapshot(result.findings(),
                    (path, line) -> project.text(path).filter(f -> line >= 1 && line <= f.lineCount()).map(f -> f.line(line)));
            return new Linted(app.shown(), config, result.withoutProject(), lines, context(project), null);
        } catch (UsageException | dev.deploylint.config.ConfigException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            return Linted.crashed(app.shown(), e);
        }
    }

    /** Defaults, then the config file, then flags; the stack must be one the buildpack supports. */
    Config effectiveConfig(Path app, RuleCatalog catalog) {
        Config config = ConfigFile.resolve(app, configFile, PythonVersionTable.get().defaultStack(), stack, failOn, catalog);
        if (select != null) {
            config = config.withSelect(knownRules(select, "--select", catalog), "--select");
        }
        if (ignore != null) {
            config = config.withMoreIgnored(knownRules(ignore, "--ignore", catalog), "--ignore");
        }
        if (envFile != null) {
            config = config.withEnv(EnvFile.read(envFile), "--env-file " + envFile);
        }
        config = config.withEnv(env, "--env");
        List<String> stacks = PythonVersionTable.get().supportedStacks();
        if (!stacks.contains(config.stack())) {
            throw new UsageException("stack " + config.stack() + " (from " + config.origins().get("stack")
                    + ") is not a stack the Heroku Python buildpack supports; use one of " + String.join(", ", stacks));
        }
        return config;
    }

    /**
     * SARIF URIs are relative to the git top level of the first PATH (else the current folder), so
     * code scanning puts alerts on the right files wherever deploylint ran; the category names the
     * PATHs relative to it, so each distinct invocation is its own analysis.
     */
    private ReportOptions.Sarif sarifLayout(List<Path> roots, boolean baselineApplied) {
        Path top = dev.deploylint.project.GitRoot.above(roots.get(0)).orElse(Path.of("").toAbsolutePath().normalize());
        String category = roots.stream()
                .map(root -> top.relativize(root.toAbsolutePath().normalize()).toString().replace(java.io.File.separatorChar, '/'))
                .map(path -> path.isEmpty() ? "." : path)
                .distinct().sorted()
                .collect(java.util.stream.Collectors.joining(","));
        return new ReportOptions.Sarif(java.util.Optional.of(top.toString()), category.equals(".") ? "" : category + "/",
                sarifRunPerApp, baselineApplied);
    }


    private static List<String> knownRules(List<String> selectors, String option, RuleCatalog catalog) {
        for (String selector : selectors) {
            if (!Selector.known(selector, catalog)) {
                throw new UsageException(option + ": unknown rule '" + selector
                        + "'; use an id (PF004), a name (web-process-missing), a prefix (PF), a category (procfile) or all");
            }
        }
        return selectors;
    }

    /** One report to write: a format and its file, or null for standard output. */
    private record Output(ReportFormat format, Path file) {
    }

    private List<Output> outputs() {
        List<Output> outputs = new ArrayList<>();
        boolean toStandardOutput = false;
        java.util.Set<Path> files = new java.util.HashSet<>();
        for (String spec : formats.isEmpty() ? List.of("text") : formats) {
            int colon = spec.indexOf(':');
            String name = colon < 0 ? spec : spec.substring(0, colon);
            ReportFormat format = parse(() -> ReportFormat.parse(name), "--format", spec);
            String fileName = colon < 0 ? null : spec.substring(colon + 1);
            if (fileName != null && fileName.isEmpty()) {
                throw new UsageException("--format " + spec + " names no file; write " + name + ":FILE, or " + name + ":- for standard output");
            }
            Path file = fileName == null ? output : fileName.equals("-") ? null : Path.of(fileName);
            if (file == null) {
                if (toStandardOutput) {
                    throw new UsageException("only one --format may go to " + (output == null ? "standard output" : "--output")
                            + "; give the others a file, as in --format sarif:deploylint.sarif");
                }
                toStandardOutput = true;
            } else {
                checkWritable(file, "--format " + spec);
                if (!files.add(file.toAbsolutePath().normalize())) {
                    throw new UsageException("two formats would be written to " + file + "; give each its own file");
                }
            }
            outputs.add(new Output(format, file));
        }
        if (output != null && outputs.stream().noneMatch(o -> output.equals(o.file()))) {
            throw new UsageException("--output " + output + " is not used: every --format names its own file");
        }
        if (writeBaseline != null) {
            checkWritable(writeBaseline, "--write-baseline");
        }
        if (outputs.stream().anyMatch(o -> o.format() == ReportFormat.GITHUB)) {
            String summary = System.getenv("GITHUB_STEP_SUMMARY");
            if (summary != null && !summary.isBlank()) {
                if (Files.isSymbolicLink(Path.of(summary))) {
                    throw new UsageException("$GITHUB_STEP_SUMMARY " + summary + " is a symbolic link; deploylint appends only to a regular file");
                }
                checkWritable(Path.of(summary), "$GITHUB_STEP_SUMMARY");
            }
        }
        return outputs;
    }

    /** A file deploylint may create or replace: its folder exists and it is not itself a folder. */
    private static void checkWritable(Path file, String option) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (Files.isDirectory(file)) {
            throw new UsageException(option + ": " + file + " is a folder; name a file");
        }
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException(option + ": the folder of " + file + " does not exist; create it first");
        }
        if (parent != null && !Files.isWritable(parent) && !Files.isWritable(file)) {
            throw new UsageException(option + ": " + file + " cannot be written (no permission)");
        }
    }

    /** Writes a report through a rename (never through a link); a failure is the user's to fix (disk full, permissions), in one line. */
    private static void write(Path file, CharSequence text) {
        try {
            ReportFiles.replace(file, text);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Appends the Markdown summary to the GitHub Actions job summary, when running in a workflow; never through a link. */
    private static void appendStepSummary(String markdown) {
        String summary = System.getenv("GITHUB_STEP_SUMMARY");
        if (summary != null && !summary.isBlank()) {
            try {
                ReportFiles.append(Path.of(summary), markdown);
            } catch (IOException e) {
                throw new UsageException("cannot write $GITHUB_STEP_SUMMARY " + summary + ": " + e.getMessage());
            }
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
