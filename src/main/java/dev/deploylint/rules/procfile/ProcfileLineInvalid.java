package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.project.ProjectTemplate;

/**
 * PF003: a Procfile line that is not {@code name: command}. The classic platform (Cedar, every
 * stack deploylint models) skips a line its loose parser cannot read instead of failing the build,
 * and reads {@code name command} without the colon; only the Fir generation's Procfile buildpack
 * fails the build (heroku/buildpacks-procfile SPEC.md). Hence a warning, not a build failure.
 */
public final class ProcfileLineInvalid implements Rule {

    @Override
    public String id() {
        return "PF003";
    }

    @Override
    public void check(Project project, Findings findings) {
        Procfile.of(project).ifPresent(procfile -> procfile.invalidLines().stream()
                .filter(line -> !ProjectTemplate.containsPlaceholder(line.text()))
                .forEach(line -> findings.report(line.location(), line.classicReads()
                        ? "classic Heroku still reads this Procfile line, whose colon it treats as optional, but `heroku local`"
                                + " ignores it and the Fir generation fails the build on it: " + line.reason()
                        : "Heroku ignores this Procfile line, so its process does not exist (the Fir generation fails the build"
                                + " on it): " + line.reason(), byteOrderMarkRemoval(procfile, line))));
    }

    /** The one invalid line with a mechanical fix: the byte-order mark before the first process type. */
    private static Fix byteOrderMarkRemoval(Procfile procfile, Procfile.InvalidLine line) {
        boolean bom = procfile.file().hasByteOrderMark() && line.location().line() == 1 && line.location().column() == 1;
        return bom ? Fix.builder("removed the byte-order mark").dropByteOrderMark(procfile.file()).build() : null;
    }
}
