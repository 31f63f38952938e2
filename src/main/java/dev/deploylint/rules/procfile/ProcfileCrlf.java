package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.source.SourceFile;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;

/** PF009: a Procfile with Windows (CRLF) line endings. */
public final class ProcfileCrlf implements Rule {

    @Override
    public String id() {
        return "PF009";
    }

    @Override
    public void check(Project project, Findings findings) {
        Procfile.of(project).ifPresent(procfile -> procfile.file().firstCarriageReturn().ifPresent(at ->
                findings.report(at, "the Procfile has Windows (CRLF) line endings, and a parser that splits lines on LF only"
                        + " leaves a carriage return at the end of each command; save it with LF line endings"
                        + " (`git config core.autocrlf input`, or `* text=auto` in .gitattributes)", withLineFeeds(procfile.file()))));
    }

    /** Every CRLF (and lone CR) becomes LF. */
    private static Fix withLineFeeds(SourceFile file) {
        String text = file.text();
        return Fix.builder("converted the line endings to LF")
                .replace(file, 0, text.length(), text.replace("\r\n", "\n").replace('\r', '\n')).build();
    }
}
