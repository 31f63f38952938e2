package dev.deploylint.cli;

import dev.deploylint.lint.Applicability;
import dev.deploylint.lint.Finding;
import dev.deploylint.lint.RuleCatalog;
import dev.deploylint.report.Sanitizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One {@code fix} or {@code --diff} run over the apps: per app, passes of plan, write and re-lint
 * until nothing more is fixable (at most {@link #MAX_PASSES}), saying on stderr what changed and
 * which fixes were refused. {@code --diff} prints the first pass as a unified diff and writes nothing.
 */
final class FixRun {

    static final int MAX_PASSES = 10;

    private final boolean unsafe;
    private final boolean diffOnly;
    private final PrintWriter err;
    private final PrintWriter out;
    private int fixed;
    private final Set<String> files = new LinkedHashSet<>();
    private boolean changed;

    FixRun(boolean unsafe, boolean diffOnly, PrintWriter err, PrintWriter out) {
        this.unsafe = unsafe;
        this.diffOnly = diffOnly;
        this.err = err;
        this.out = out;
    }

    /** Fixes the app at {@code root} (shown as {@code shown}) and returns it linted again, or as it was when nothing changed. */
    CheckCommand.Linted fix(Path root, String shown, CheckCommand.Linted first, Supplier<CheckCommand.Linted> relint, RuleCatalog catalog) {
        CheckCommand.Linted current = first;
        Set<String> refusals = new LinkedHashSet<>();
        for (int pass = 0; pass < MAX_PASSES && current.crash() == null; pass++) {
            List<Finding> eligible = current.config().apply(current.result().findings(), catalog::get).stream()
                    .filter(f -> !f.suppressed() && f.fixable() && allowed(catalog.get(f.ruleId()).fix()))
                    .toList();
            Fixer.Plan plan;
            try {
                plan = Fixer.plan(root, eligible);
            } catch (IOException e) {
                throw new UsageException("cannot fix the app at " + shown + ": " + e.getMessage());
            }
            for (Fixer.Refusal refusal : plan.refused()) {
                if (refusals.add(refusal.finding().ruleId() + refusal.reason())) {
                    err.println(Sanitizer.clean("deploylint: not fixed: " + refusal.finding().ruleId() + " at " + where(shown, refusal.finding())
                            + ": " + refusal.reason()));
                }
            }
            if (plan.isEmpty()) {
                break;
            }
            changed = true;
            if (diffOnly) {
                out.print(Fixer.diff(shown, plan));
                break;
            }
            try {
                Fixer.write(root, plan);
            } catch (IOException e) {
                throw new UsageException("cannot write the fixes to the app at " + shown + ": " + e.getMessage());
            }
            for (Finding finding : plan.fixed()) {
                fixed++;
                err.println(Sanitizer.clean("deploylint: fixed " + finding.ruleId() + " at " + where(shown, finding) + ": "
                        + finding.fix().description()));
            }
            plan.changes().forEach(change -> files.add(prefixed(shown, change.to() == null ? change.from() : change.to())));
            current = relint.get();
        }
        return current;
    }

    private boolean allowed(Applicability applicability) {
        return applicability == Applicability.SAFE || unsafe && applicability == Applicability.UNSAFE;
    }

    boolean changedAnything() {
        return changed;
    }

    /** The closing line on stderr: {@code deploylint: fixed 3 findings in 2 files}. */
    void summary() {
        err.println(fixed == 0 ? "deploylint: nothing to fix"
                : "deploylint: fixed " + fixed + " finding" + (fixed == 1 ? "" : "s") + " in " + files.size() + " file" + (files.size() == 1 ? "" : "s"));
        err.flush();
    }

    private static String where(String shown, Finding finding) {
        return prefixed(shown, finding.location().toString());
    }

    private static String prefixed(String shown, String path) {
        return shown.equals(".") ? path : shown + "/" + path;
    }
}
