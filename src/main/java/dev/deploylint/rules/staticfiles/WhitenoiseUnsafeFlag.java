package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.List;
import java.util.Optional;

/**
 * ST013: WHITENOISE_AUTOREFRESH and WHITENOISE_USE_FINDERS default to DEBUG and are meant for
 * development; whitenoise 6.12.0 fixed a file-access flaw of autorefresh mode (evansd/whitenoise#684).
 */
public final class WhitenoiseUnsafeFlag implements Rule {

    @Override
    public String id() {
        return "ST013";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        for (String name : List.of("WHITENOISE_AUTOREFRESH", "WHITENOISE_USE_FINDERS")) {
            Optional<ModuleEvaluator.Binding> flag = StaticSettings.definite(django, name);
            if (flag.isEmpty() || !(flag.get().value() instanceof Value.Bool b) || !b.value()) {
                continue;
            }
            String why = name.equals("WHITENOISE_AUTOREFRESH")
                    ? "WhiteNoise rescans the static folders on every request instead of indexing them once, which is slow,"
                            + " and whitenoise before 6.12.0 had a file-access flaw in this mode"
                    : "WhiteNoise serves files straight from the app's static folders through the finders, bypassing"
                            + " `collectstatic`'s compressed and hashed copies";
            findings.report(flag.get().at(), name + " is `True` in production, so " + why + "; delete the line (it defaults to DEBUG)",
                    AppFacts.tookEffect(flag.get()));
        }
    }
}
