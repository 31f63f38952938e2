package dev.deploylint.cli;

import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.RuleMetadata;
import dev.deploylint.rules.BuiltInRules;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code deploylint rules}: the catalogue, one rule a line. */
@CommandLine.Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule: id, name, category, severity, phase, deploy styles it applies to, fix and summary.")
final class RulesCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--markdown", description = "Print the catalogue as the Markdown table the README holds.")
    private boolean markdown;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleCatalog catalog = RuleCatalog.load(BuiltInRules.ids());
        if (markdown) {
            out.println("| id | name | category | severity | phase | applies to | fix | summary |");
            out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
            for (RuleMetadata rule : catalog.all()) {
                out.println(markdownRow(rule));
            }
            return StandardOutput.checked(out, spec.commandLine().getErr(), ExitCode.CLEAN);
        }
        int nameWidth = catalog.all().stream().mapToInt(r -> r.name().length()).max().orElse(4);
        String format = "%-6s %-" + nameWidth + "s %-13s %-8s %-8s %-10s %-6s %s%n";
        out.printf(format, "ID", "NAME", "CATEGORY", "SEVERITY", "PHASE", "APPLIES TO", "FIX", "SUMMARY");
        for (RuleMetadata rule : catalog.all()) {
            out.printf(format, rule.id(), rule.name(), rule.category().label(), rule.severity().label(), rule.phase().label(),
                    rule.appliesTo().label(), rule.fix().label(), rule.summary());
        }
        return StandardOutput.checked(out, spec.commandLine().getErr(), ExitCode.CLEAN);
    }

    /** The README rule table's row for {@code rule}. */
    static String markdownRow(RuleMetadata rule) {
        return "| `" + rule.id() + "` | `" + rule.name() + "` | " + rule.category().label() + " | " + rule.severity().label()
                + " | " + rule.phase().label() + " | " + rule.appliesTo().label() + " | " + rule.fix().label() + " | " + rule.summary() + " |";
    }
}
