package dev.deploylint.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Folds a finding that one rule reports many times on one line (2,000 unknown keys in a minified
 * app.json) into its first few and one summary, so a report stays as long as the problems are
 * many, not as long as the line is wide.
 */
final class RepeatedFindings {

    /** More findings than this of one rule on one line are folded. */
    static final int MAX_PER_LINE = 10;
    /** How many of them are kept before the summary. */
    static final int KEPT = 5;

    private record Line(String ruleId, String path, int line, boolean suppressed) {
    }

    private RepeatedFindings() {
    }

    /** {@code findings} in their order, with each run of more than {@link #MAX_PER_LINE} on one line folded. */
    static List<Finding> fold(List<Finding> findings, RuleCatalog catalog) {
        Map<Line, Integer> counts = new HashMap<>();
        for (Finding finding : findings) {
            counts.merge(key(finding), 1, Integer::sum);
        }
        if (counts.values().stream().allMatch(count -> count <= MAX_PER_LINE)) {
            return findings;
        }
        Map<Line, Integer> seen = new HashMap<>();
        List<Finding> folded = new ArrayList<>();
        for (Finding finding : findings) {
            Line key = key(finding);
            int total = counts.get(key);
            int index = seen.merge(key, 1, Integer::sum);
            if (total <= MAX_PER_LINE || index <= KEPT) {
                folded.add(finding);
            } else if (index == KEPT + 1) {
                String more = String.format(Locale.ROOT, "%,d", total - KEPT);
                folded.add(new Finding(finding.ruleId(), finding.severity(), finding.location(), "and " + more + " more `"
                        + catalog.get(finding.ruleId()).name() + "` findings on this line, not listed one by one: " + finding.message(),
                        List.of(), finding.suppression(), null));
            }
        }
        return folded;
    }

    private static Line key(Finding finding) {
        return new Line(finding.ruleId(), finding.location().path(), finding.location().line(), finding.suppressed());
    }
}
