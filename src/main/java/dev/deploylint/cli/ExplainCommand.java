package dev.deploylint.cli;

import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.lint.RuleMetadata;
import dev.deploylint.rules.BuiltInRules;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code deploylint explain ID}: a rule's documentation rendered for a terminal. */
@CommandLine.Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show what a rule checks, why it matters and how to fix it.")
final class ExplainCommand implements Callable<Integer> {

    @CommandLine.Parameters(paramLabel = "RULE", description = "A rule id (PF001) or name (procfile-missing).")
    private String rule;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RuleMetadata metadata = RuleCatalog.load(BuiltInRules.ids()).find(rule)
                .orElseThrow(() -> new UsageException("unknown rule '" + rule + "'; run `deploylint rules` to list them"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(metadata.id() + " " + metadata.name() + " (" + metadata.category().label() + ", " + metadata.severity().label()
                + ", " + metadata.phase().label() + " phase, applies to " + appliesTo(metadata) + ")");
        out.println(metadata.summary());
        out.println(fix(metadata));
        boolean code = false;
        boolean blank = false;
        for (String line : metadata.docs().strip().split("\n", -1)) {
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            String rendered = code ? "    " + line
                    : line.startsWith("## ") ? line.substring(3).toUpperCase(java.util.Locale.ROOT)
                    : line.isBlank() ? "" : "  " + line;
            if (line.startsWith("## ") && !blank) {
                out.println();
            }
            if (!(rendered.isEmpty() && blank)) {
                out.println(rendered);
            }
            blank = rendered.isEmpty();
        }
        if (!metadata.references().isEmpty()) {
            out.println();
            out.println("REFERENCES");
            metadata.references().forEach(reference -> out.println("  " + reference));
        }
        return StandardOutput.checked(out, spec.commandLine().getErr(), ExitCode.CLEAN);
    }

    private static String fix(RuleMetadata metadata) {
        return switch (metadata.fix()) {
            case SAFE -> "Fix: safe, applied by `deploylint fix`";
            case UNSAFE -> "Fix: unsafe, applied by `deploylint fix --unsafe-fixes` (" + metadata.fixWhy() + ")";
            case NONE -> "Fix: none, the change is yours to make";
        };
    }

    private static String appliesTo(RuleMetadata metadata) {
        return switch (metadata.appliesTo()) {
            case BOTH -> "buildpack and container apps";
            case BUILDPACK -> "buildpack apps";
            case CONTAINER -> "container apps";
        };
    }
}
