package dev.deploylint.report;

import dev.deploylint.lint.RuleCatalog;
import java.io.IOException;
import java.util.List;

/**
 * Writes the findings of one or more apps in one output format. Every finding's rule id must be in
 * the catalogue; reporters see findings and rule metadata, never rules or projects.
 */
public interface Reporter {

    void write(List<AppReport> apps, RuleCatalog catalog, Appendable out) throws IOException;
}
