package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * PF007: a process type the CNB Procfile parser of the Fir generation rewrites (heroku/buildpacks-procfile
 * SPEC.md); the classic platform accepts {@code [a-zA-Z0-9_-]+}, so it matters only on a move to Fir: a note.
 */
public final class ProcfileProcessNameNonportable implements Rule {

    private static final Pattern PORTABLE = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    @Override
    public String id() {
        return "PF007";
    }

    @Override
    public void check(Project project, Findings findings) {
        Procfile.of(project).ifPresent(procfile -> procfile.processes().stream()
                .filter(process -> !PORTABLE.matcher(process.name()).matches())
                .forEach(process -> findings.report(process.nameAt(), "the process type `" + process.name() + "` "
                        + problem(process.name()) + ", which classic Heroku accepts, but if you move the app to the Fir generation its"
                        + " Procfile parser renames the process, with a warning; " + fix(process.name()))));
    }

    private static String problem(String name) {
        List<String> problems = new ArrayList<>();
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            problems.add("uppercase letters");
        }
        if (name.contains("_")) {
            problems.add("`_`");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            problems.add("a hyphen at its start or end");
        }
        if (name.length() > 63) {
            problems.add(name.length() + " characters (at most 63 are allowed)");
        }
        return "has " + String.join(" and ", problems);
    }

    private static String fix(String name) {
        String portable = name.toLowerCase(Locale.ROOT).replace('_', '-').replaceAll("^-+|-+$", "");
        return portable.isEmpty() || portable.length() > 63 || !PORTABLE.matcher(portable).matches()
                ? "use only lowercase letters, digits and inner hyphens, at most 63 characters"
                : "rename it to `" + portable + "`";
    }
}
