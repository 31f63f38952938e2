package dev.deploylint.cli;

import dev.deploylint.config.Config;
import dev.deploylint.config.ConfigFile;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.rules.BuiltInRules;
import dev.deploylint.rules.data.PythonVersionTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code deploylint config}: the effective configuration for an app and where each value came from. */
@CommandLine.Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration for the app at PATH and where each value came from.")
final class ConfigCommand implements Callable<Integer> {

    @CommandLine.Parameters(paramLabel = "PATH", arity = "0..1", description = "The app folder (default: .).")
    private Path app = Path.of(".");

    @CommandLine.Option(names = "--config", paramLabel = "FILE", description = "The configuration file to read instead of looking for .deploylint.yml.")
    private Path configFile;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RuleCatalog catalog = RuleCatalog.load(BuiltInRules.ids());
        Config config = ConfigFile.resolve(app, configFile, PythonVersionTable.get().defaultStack(), null, null, catalog);
        Optional<Path> file = configFile != null ? Optional.of(configFile) : ConfigFile.find(app);
        PrintWriter out = spec.commandLine().getOut();
        out.println("# effective configuration for " + app + (file.map(f -> " (file: " + f + ")").orElse(" (no config file)")));
        Map<String, String> origins = config.origins();
        out.println("select: " + (config.select().isEmpty() ? "[all]" : config.select()) + "    # " + origins.get("select"));
        out.println("ignore: " + config.ignore() + "    # " + origins.get("ignore"));
        out.println("severity: " + config.severity().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().label()).toList()
                + "    # " + origins.get("severity"));
        out.println("ignore-paths: " + config.ignorePaths().stream().map(p -> p.glob() + (p.rules().isEmpty() ? "" : " " + p.rules())).toList()
                + "    # " + origins.get("ignore-paths"));
        out.println("stack: " + config.stack() + "    # " + origins.get("stack"));
        out.println("fail-on: " + config.failOn() + "    # " + origins.get("fail-on"));
        long enabled = catalog.all().stream().filter(config::enabled).count();
        out.println("# " + enabled + " of " + catalog.all().size() + " rules enabled");
        out.flush();
        return ExitCode.CLEAN;
    }
}
