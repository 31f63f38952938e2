package dev.deploylint.lint;

import dev.deploylint.project.Project;

/**
 * One check. Implementations are stateless and thread-safe: one instance serves every app. A rule
 * asks the project's typed model and reports through the sink; it never reads configuration, does
 * I/O or formats output.
 */
public interface Rule {

    /** The rule id, matching its {@code rules/<ID>.yaml}. */
    String id();

    void check(Project project, Findings findings);
}
