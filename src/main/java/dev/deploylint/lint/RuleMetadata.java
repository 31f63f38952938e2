package dev.deploylint.lint;

import java.util.List;

/**
 * What a user can read about a rule, loaded from {@code rules/<ID>.yaml}: the id (two or more
 * capitals and three digits), a kebab-case name naming the problem, the default severity, a
 * one-line summary, Markdown docs under the fixed headings, the phase of the deploy its errors
 * break, the deploy styles its claim is true for, and whether its fixes are safe ({@code fixWhy}
 * says why an unsafe fix is unsafe; empty otherwise).
 */
public record RuleMetadata(
        String id,
        String name,
        Category category,
        Severity severity,
        String summary,
        String docs,
        List<String> references,
        String since,
        Phase phase,
        AppliesTo appliesTo,
        Applicability fix,
        String fixWhy) {

    public static final List<String> DOC_HEADINGS =
            List.of("## What it checks", "## Why it breaks a deploy", "## Versions affected", "## Fix");

    public RuleMetadata {
        references = List.copyOf(references);
    }

    /** Metadata without fixes (tests). */
    public RuleMetadata(String id, String name, Category category, Severity severity, String summary, String docs,
                        List<String> references, String since, Phase phase, AppliesTo appliesTo) {
        this(id, name, category, severity, summary, docs, references, since, phase, appliesTo, Applicability.NONE, "");
    }

    /** Metadata whose phase is its category's default and that applies to both deploy styles (tests). */
    public RuleMetadata(String id, String name, Category category, Severity severity, String summary, String docs,
                        List<String> references, String since) {
        this(id, name, category, severity, summary, docs, references, since, Phase.defaultFor(category), AppliesTo.BOTH);
    }

    /** The first paragraph under the docs' {@code ## Fix} heading, on one line; empty when absent. */
    public String fixHint() {
        int heading = docs.indexOf("## Fix");
        if (heading < 0) {
            return "";
        }
        String rest = docs.substring(docs.indexOf('\n', heading) < 0 ? docs.length() : docs.indexOf('\n', heading)).strip();
        int end = rest.indexOf("\n\n");
        String hint = (end < 0 ? rest : rest.substring(0, end)).replaceAll("\\s+", " ").strip();
        if (!hint.endsWith(":")) {
            return hint;
        }
        List<String> block = end < 0 ? List.of() : codeBlock(rest.substring(end).strip());
        return hint.substring(0, hint.length() - 1) + (block.size() == 1 ? ": `" + block.get(0).strip() + "`" : " (see `deploylint explain " + id + "`)");
    }

    /** The non-blank lines of the fenced code block that {@code text} starts with; empty when it starts with prose. */
    private static List<String> codeBlock(String text) {
        if (!text.startsWith("```")) {
            return List.of();
        }
        String[] lines = text.split("\n", -1);
        List<String> code = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length && !lines[i].strip().startsWith("```"); i++) {
            if (!lines[i].isBlank()) {
                code.add(lines[i]);
            }
        }
        return code;
    }

    /** The first reference, used as the SARIF help URI; null when the rule has none. */
    public String helpUri() {
        return references.isEmpty() ? null : references.get(0);
    }
}
