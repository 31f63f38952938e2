package dev.deploylint.lint;

import dev.deploylint.project.InlineSuppressions;
import dev.deploylint.project.Project;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Applies inline suppression comments to an app's findings: a finding on a suppressed line for
 * one of the named rules is kept but marked suppressed with the comment's reason. A valid
 * suppression that silenced nothing becomes a finding of {@link #UNUSED_RULE}, unless every rule
 * it names was not run on this app (it does not apply to the app's deploy style).
 */
public final class Suppressor {

    /** The rule that reports malformed and unused suppression comments. */
    public static final String UNUSED_RULE = "DL004";

    private Suppressor() {
    }

    public static List<Finding> apply(Project project, List<Finding> findings, RuleCatalog catalog) {
        return apply(project, findings, catalog, Set.of());
    }

    /** As {@link #apply(Project, List, RuleCatalog)}, where the rules {@code notRun} were skipped for this app. */
    public static List<Finding> apply(Project project, List<Finding> findings, RuleCatalog catalog, Set<String> notRun) {
        List<InlineSuppressions.Suppression> suppressions = InlineSuppressions.of(project);
        if (suppressions.isEmpty()) {
            return findings;
        }
        SuppressionIndex index = new SuppressionIndex(suppressions);
        Set<InlineSuppressions.Suppression> used = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            InlineSuppressions.Suppression match = null;
            for (InlineSuppressions.Suppression suppression : index.on(finding.location().path(), finding.location().line())) {
                if (names(suppression, finding.ruleId(), catalog)) {
                    match = suppression;
                }
            }
            if (match == null || finding.ruleId().equals(UNUSED_RULE)) {
                result.add(finding);
            } else {
                used.add(match);
                result.add(finding.suppressedBecause(match.reason()));
            }
        }
        RuleMetadata unused = catalog.get(UNUSED_RULE);
        for (InlineSuppressions.Suppression suppression : suppressions) {
            if (suppression.problem() == null && !knownRules(suppression, catalog)) {
                result.add(new Finding(UNUSED_RULE, unused.severity(), suppression.at(), "this suppression names "
                        + String.join(", ", suppression.rules().stream().filter(r -> catalog.find(r).isEmpty()).toList())
                        + ", which is not a rule; run `deploylint rules` to list them", List.of()));
            } else if (suppression.problem() == null && !used.contains(suppression)
                    && !suppression.rules().stream().allMatch(r -> notRun.contains(catalog.find(r).orElseThrow().id()))) {
                result.add(new Finding(UNUSED_RULE, unused.severity(), suppression.at(), "this suppression of "
                        + String.join(", ", suppression.rules()) + " silences nothing on line " + suppression.appliesToLine()
                        + "; remove it", List.of()));
            }
        }
        result.sort(Finding.ORDER);
        return result;
    }

    private static boolean names(InlineSuppressions.Suppression suppression, String ruleId, RuleCatalog catalog) {
        RuleMetadata rule = catalog.get(ruleId);
        return suppression.rules().stream().anyMatch(r -> r.equalsIgnoreCase(rule.id()) || r.equals(rule.name()));
    }

    static boolean knownRules(InlineSuppressions.Suppression suppression, RuleCatalog catalog) {
        return suppression.rules().stream().allMatch(r -> catalog.find(r).isPresent());
    }
}
