package dev.deploylint.lint;

import dev.deploylint.project.DeployStyle;
import dev.deploylint.project.Project;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs every rule that applies to the app's deploy style over one project and collects the
 * findings in report order, with those that an inline {@code # deploylint: ignore[...]} comment
 * silences marked suppressed. Rules know nothing of deploy styles or configuration: their
 * metadata's {@code applies-to} and the configuration's selection decide here whether they run.
 */
public final class Linter {

    private final List<Rule> rules;
    private final RuleCatalog catalog;

    public Linter(List<Rule> rules, RuleCatalog catalog) {
        this.rules = List.copyOf(rules);
        this.catalog = catalog;
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    /** Lints one app with every rule. A rule that throws is recorded as a failure; the others still run. */
    public LintResult lint(Project project) {
        return lint(project, id -> true);
    }

    /**
     * Lints one app with the rules whose id {@code enabled} accepts: a rule the configuration
     * turns off is not run at all, so it costs nothing (its findings would be dropped anyway).
     */
    public LintResult lint(Project project, Predicate<String> enabled) {
        List<Finding> findings = new ArrayList<>();
        List<RuleFailure> failures = new ArrayList<>();
        DeployStyle style = DeployStyle.of(project);
        Set<String> notRun = new HashSet<>();
        for (Rule rule : rules) {
            String id = rule.id();
            if (!enabled.test(id) || !catalog.appliesTo(id).includes(style.kind())) {
                notRun.add(id);
                continue;
            }
            Findings sink = (severity, location, message, fix, evidence) -> {
                if (fix != null && catalog.get(id).fix() == Applicability.NONE) {
                    throw new IllegalStateException(id + " offers a fix but its metadata says `fix: none`");
                }
                findings.add(new Finding(id, severity == null ? catalog.get(id).severity() : severity, location, message,
                        List.of(evidence), fix));
            };
            try {
                rule.check(project, sink);
            } catch (RuntimeException | StackOverflowError | LinkageError e) {
                failures.add(new RuleFailure(rule.id(), e));
            }
        }
        findings.sort(Finding.ORDER);
        List<Finding> reported = RepeatedFindings.fold(Suppressor.apply(project, findings, catalog, notRun), catalog);
        return new LintResult(project, reported, failures, style);
    }

    /** A rule that threw instead of finishing: a bug in deploylint, reported with exit code 3. */
    public record RuleFailure(String ruleId, Throwable cause) {
    }

    /** The outcome of linting one app, with the deploy style the rules were chosen for. */
    public record LintResult(Project project, List<Finding> findings, List<RuleFailure> failures, DeployStyle deployStyle) {
        public LintResult {
            findings = List.copyOf(findings);
            failures = List.copyOf(failures);
        }

        /** The same outcome without the app's model, so the model can be collected. */
        public LintResult withoutProject() {
            return new LintResult(null, findings, failures, deployStyle);
        }
    }
}
