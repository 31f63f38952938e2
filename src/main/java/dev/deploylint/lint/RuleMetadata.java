package dev.deploylint.lint;

import java.util.List;

/**
 * What a user can read about a rule, loaded from {@code rules/<ID>.yaml}: the id (two or more
 * capitals and three digits), a kebab-case name naming the problem, the default severity, a
 * one-line summary and Markdown docs under the fixed headings.
 */
public record RuleMetadata(
        String id,
        String name,
        Category category,
        Severity severity,
        String summary,
        String docs,
        List<String> references,
        String since) {

    public static final List<String> DOC_HEADINGS =
            List.of("## What it checks", "## Why it breaks a deploy", "## Versions affected", "## Fix");

    public RuleMetadata {
        references = List.copyOf(references);
    }

    /** The first reference, used as the SARIF help URI; null when the rule has none. */
    public String helpUri() {
        return references.isEmpty() ? null : references.get(0);
    }
}
