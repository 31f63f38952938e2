package dev.deploylint.cli;

import dev.deploylint.lint.Rule;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/** The {@code deploylint} command: {@code check} unless another subcommand is named. */
@CommandLine.Command(
        name = "deploylint",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Finds every reason a Python app would fail or misbehave when deployed to Heroku.",
        subcommands = {CheckCommand.class, RulesCommand.class, ExplainCommand.class, ConfigCommand.class, InstallHookCommand.class,
            UninstallHookCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  no finding at or above --fail-on (default: error)",
            "  1  findings at or above --fail-on",
            "  2  usage error: unknown option, rule or stack, a path that does not exist or holds no app",
            "  3  internal error in deploylint (run again with --debug for the stack trace)",
            "",
            "Without a subcommand, deploylint runs `check`: deploylint [check] [OPTIONS] [PATH...]",
            "`deploylint fix [OPTIONS] [PATH...]` is `check --fix`: it applies the safe fixes, then reports what remains."})
public final class Main implements Runnable {

    private static final Set<String> SUBCOMMANDS = Set.copyOf(CommandNames.ALL);
    private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    @Override
    public void run() {
        // Reached only through main(), which always names a subcommand.
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("lsp")) {
            // Standard output carries the protocol: nothing else may write to it. LSP4J loads only here.
            System.exit(dev.deploylint.lsp.LspCommand.serve(System.in, System.out));
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }

    /**
     * Runs the command line and returns the exit code; never throws. Whatever escapes the command,
     * even an OutOfMemoryError or a StackOverflowError, becomes one line on stderr and exit 3.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, null);
    }

    /** {@link #run(String[], PrintWriter, PrintWriter)} with {@code check} running {@code rules} (null: the built-in ones), for tests of the safety nets. */
    static int run(String[] args, PrintWriter out, PrintWriter err, List<Rule> rules) {
        try {
            return runCommand(args, out, err, rules);
        } catch (Throwable e) { // the last net: a raw stack trace and exit 1 would read as "findings" to a CI
            return internalError(e, err, args);
        }
    }

    private static int runCommand(String[] args, PrintWriter out, PrintWriter err, List<Rule> rules) {
        if (args.length == 1 && List.of("-h", "--help", "help").contains(args[0])) {
            return rootHelp(out);
        }
        if (args.length == 1 && List.of("-V", "--version").contains(args[0])) {
            // Answered without building picocli's model of every command: a hook may ask on every push.
            out.println(new VersionProvider().getVersion()[0]);
            out.flush();
            return StandardOutput.checked(out, err, ExitCode.CLEAN);
        }
        if (args.length >= 1 && args.length <= 2 && args[0].equals("rules") && (args.length == 1 || args[1].equals("--markdown"))) {
            // Like --version: the catalogue without picocli's start-up, which would cost more than the listing.
            return RulesCommand.print(out, err, args.length == 2);
        }
        String[] routed = withDefaultSubcommand(args);
        // `fix` is `check --fix`: the same options, the same apps, the same report of what remains.
        boolean fix = routed.length > 0 && routed[0].equals("fix");
        if (fix) {
            List<String> asCheck = new ArrayList<>(List.of("check", "--fix"));
            asCheck.addAll(List.of(routed).subList(1, routed.length));
            routed = asCheck.toArray(String[]::new);
        }
        // picocli builds the model of only the command that runs: check, the default, never pays
        // for the options of explain, config or install-hook. `help` and the root options need them all.
        Object command = routed.length == 0 ? null : subcommand(routed[0], rules);
        if (command instanceof CheckCommand) {
            Warmup.start();
        }
        CommandLine commandLine = command == null ? new CommandLine(new Main())
                : new CommandLine(command).setCommandName(fix ? "deploylint fix" : "deploylint " + routed[0]);
        commandLine.setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler((e, cmd, parsed) -> internalError(e, cmd, args));
        return commandLine.execute(command == null ? routed : java.util.Arrays.copyOfRange(routed, 1, routed.length));
    }

    /** The command object of subcommand {@code name}, or null for {@code help} and anything else. */
    private static Object subcommand(String name, List<Rule> rules) {
        return switch (name) {
            case "check" -> rules == null ? new CheckCommand() : new CheckCommand(rules);
            case "rules" -> new RulesCommand();
            case "explain" -> new ExplainCommand();
            case "config" -> new ConfigCommand();
            case "install-hook" -> new InstallHookCommand();
            case "uninstall-hook" -> new UninstallHookCommand();
            default -> null;
        };
    }

    /** The commands, then the options of {@code check}, the command that runs when none is named. */
    private static int rootHelp(PrintWriter out) {
        out.print(new CommandLine(new Main()).getUsageMessage(CommandLine.Help.Ansi.OFF));
        CommandLine check = new CommandLine(new CheckCommand()).setCommandName("deploylint check");
        CommandLine.Help help = check.getHelp();
        out.println();
        out.println("Options of check (the default command):");
        out.print(help.optionList());
        out.println();
        out.println("`deploylint help COMMAND` or `deploylint COMMAND --help` shows a command's own help.");
        out.flush();
        return ExitCode.CLEAN;
    }

    static String[] withDefaultSubcommand(String[] args) {
        if (args.length > 0 && (SUBCOMMANDS.contains(args[0]) || (args.length == 1 && ROOT_OPTIONS.contains(args[0])))) {
            return args;
        }
        List<String> withCheck = new ArrayList<>();
        withCheck.add("check");
        withCheck.addAll(List.of(args));
        return withCheck.toArray(String[]::new);
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("deploylint: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            java.util.Set<String> options = e.getCommandLine().getCommandSpec().optionsMap().keySet();
            List<String> suggestions = unmatched.getUnmatched().stream()
                    .map(word -> word.contains("=") ? word.substring(0, word.indexOf('=')) : word)
                    .flatMap(word -> options.stream().filter(option -> CommandNames.distance(word, option) <= 2))
                    .distinct().sorted().toList();
            if (!suggestions.isEmpty()) {
                err.println("Did you mean " + String.join(" or ", suggestions.stream().map(s -> "`" + s + "`").toList()) + "?");
            }
        }
        String name = e.getCommandLine().getCommandName();
        err.println("Run `" + (name.startsWith("deploylint") ? name : "deploylint " + name) + " --help` for usage.");
        return ExitCode.USAGE;
    }

    private static int internalError(Throwable e, CommandLine commandLine, String[] args) {
        return internalError(e, commandLine.getErr(), args);
    }

    private static int internalError(Throwable e, PrintWriter err, String[] args) {
        if (e instanceof UsageException || e instanceof dev.deploylint.config.ConfigException) {
            // A configuration's values reach this line: they must not drive the terminal.
            err.println("deploylint: " + dev.deploylint.report.Sanitizer.clean(e.getMessage()));
            err.flush();
            return ExitCode.USAGE;
        }
        boolean debug = List.of(args).contains("--debug");
        err.println("deploylint: internal error: " + oneLine(e.toString())
                + (debug ? "" : " (run again with --debug for the stack trace, and please report it)"));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.INTERNAL;
    }

    /** A message on one line, at most 500 characters: it may quote the repository. */
    static String oneLine(String message) {
        String line = dev.deploylint.report.Sanitizer.clean(String.valueOf(message).replaceAll("[\\r\\n\\t]+", " "));
        return line.length() <= 500 ? line : line.substring(0, 500) + "...";
    }
}
