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
        out.println("# valid .deploylint.yml: paste it back as it is");
        Map<String, String> origins = config.origins();
        line(out, "select", config.select().isEmpty() ? "[all]" : list(config.select()), origins);
        line(out, "ignore", list(config.ignore()), origins);
        line(out, "severity", map(config.severity().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().label())).toList()), origins);
        line(out, "ignore-paths", config.ignorePaths().stream()
                .map(p -> "{path: " + quote(p.glob()) + (p.rules().isEmpty() ? "" : ", rules: " + list(p.rules())) + "}")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]")), origins);
        line(out, "stack", quote(config.stack()), origins);
        line(out, "fail-on", config.failOn(), origins);
        line(out, "env", map(config.env().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()), origins);
        line(out, "exclude", list(ConfigFile.excludes(app, configFile, catalog).globs()), origins);
        long enabled = catalog.all().stream().filter(config::enabled).count();
        out.println("# " + enabled + " of " + catalog.all().size() + " rules enabled");
        return StandardOutput.checked(out, spec.commandLine().getErr(), ExitCode.CLEAN);
    }

    private static void line(PrintWriter out, String key, String value, Map<String, String> origins) {
        out.println(key + ": " + value + "    # " + origins.getOrDefault(key, "default"));
    }

    private static String list(java.util.List<String> items) {
        return items.stream().map(ConfigCommand::quote).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static String map(java.util.List<Map.Entry<String, String>> entries) {
        return entries.stream().map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
    }

    /** A YAML double-quoted scalar (JSON's string syntax is a subset of it). */
    private static String quote(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
