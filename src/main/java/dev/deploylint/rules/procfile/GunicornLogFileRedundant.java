package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.project.ServerArguments;
import dev.deploylint.source.SourceFile;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Dependencies;
import dev.deploylint.project.Dependency;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.project.ServerCommand;
import dev.deploylint.rules.AppFacts;
import java.util.Optional;

/** PF013: {@code --log-file -}, gunicorn's default since 19.2 (its error log goes to stderr). */
public final class GunicornLogFileRedundant implements Rule {

    @Override
    public String id() {
        return "PF013";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<Dependency> gunicorn = Dependencies.of(project).find("gunicorn");
        if (gunicorn.isEmpty() || gunicorn.get().pinned().filter(v -> v.isBelow("19.2")).isPresent()
                || gunicorn.get().pinned().isEmpty() && gunicorn.get().specifier().contains("<")) {
            return;
        }
        Procfile.of(project).ifPresent(procfile -> procfile.processes().forEach(process ->
                process.parsed().invocations().forEach(invocation -> ServerCommand.of(invocation)
                        .filter(server -> server.server().equals("gunicorn"))
                        .flatMap(server -> server.arguments().given().stream()
                                .filter(o -> o.name().equals("--log-file") && o.value().text().equals("-")).findFirst())
                        .ifPresent(option -> findings.report(option.word().at(), "`--log-file -` is gunicorn's default since 19.2,"
                                + " which logs errors to stderr by itself; remove it", removal(procfile.file(), option),
                                AppFacts.because(gunicorn.get()))))));
    }

    /**
     * Removes the option, its value and the blanks before it, when both are written plainly
     * ({@code --log-file -} or {@code --log-file=-}, no quotes); null otherwise.
     */
    private static Fix removal(SourceFile file, ServerArguments.Option option) {
        String text = file.text();
        int start = file.offsetOf(option.word().at());
        int valueStart = file.offsetOf(option.value().at());
        String plain = valueStart == start ? "--log-file=-" : "-";
        if (!text.startsWith(valueStart == start ? plain : "--log-file", start) || !text.startsWith(plain, valueStart)) {
            return null;
        }
        int end = valueStart + plain.length();
        if (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            return null;
        }
        int from = start;
        while (from > 0 && (text.charAt(from - 1) == ' ' || text.charAt(from - 1) == '\t')) {
            from--;
        }
        return Fix.builder("removed `" + text.substring(start, end) + "`").replace(file, from, end, "").build();
    }
}
