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
        return print(spec.commandLine().getOut(), spec.commandLine().getErr(), markdown);
    }

    /** Prints the catalogue; {@link Main} calls it without building picocli's model for a plain {@code deploylint rules}. */
    static int print(PrintWriter out, PrintWriter err, boolean markdown) {
        RuleCatalog catalog = RuleCatalog.load(BuiltInRules.ids());
        if (markdown) {
            out.println("| id | name | category | severity | phase | applies to | fix | summary |");
            out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
            for (RuleMetadata rule : catalog.all()) {
                out.println(markdownRow(rule));
            }
            return StandardOutput.checked(out, err, ExitCode.CLEAN);
        }
        int nameWidth = catalog.all().stream().mapToInt(r -> r.name().length()).max().orElse(4);
        int[] widths = {6, nameWidth, 13, 8, 8, 10, 6};
        out.println(row(widths, "ID", "NAME", "CATEGORY", "SEVERITY", "PHASE", "APPLIES TO", "FIX", "SUMMARY"));
        for (RuleMetadata rule : catalog.all()) {
            out.println(row(widths, rule.id(), rule.name(), rule.category().label(), rule.severity().label(), rule.phase().label(),
                    rule.appliesTo().label(), rule.fix().label(), rule.summary()));
        }
        return StandardOutput.checked(out, err, ExitCode.CLEAN);
    }

    /** The columns left-aligned in {@code widths}, the last one as it is (a cold Formatter costs more than the listing). */
    private static String row(int[] widths, String... columns) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            row.append(columns[i]);
            if (i < widths.length) {
                row.append(" ".repeat(Math.max(0, widths[i] - columns[i].length()))).append(' ');
            }
        }
        return row.toString();
    }

    /** The README rule table's row for {@code rule}. */
    static String markdownRow(RuleMetadata rule) {
        return "| `" + rule.id() + "` | `" + rule.name() + "` | " + rule.category().label() + " | " + rule.severity().label()
                + " | " + rule.phase().label() + " | " + rule.appliesTo().label() + " | " + rule.fix().label() + " | " + rule.summary() + " |";
    }
}
