package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.List;
import java.util.Optional;

/**
 * ST013: WHITENOISE_AUTOREFRESH and WHITENOISE_USE_FINDERS default to DEBUG and are meant for
 * development; whitenoise 6.12.0 fixed a file-access flaw of autorefresh mode (evansd/whitenoise#684).
 * whitenoise 3.x refused USE_FINDERS without AUTOREFRESH (whitenoise/django.py at v3.3.1); 4.0 allowed it.
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
            Optional<ModuleEvaluator.Binding> flag = django.definiteSetting(name);
            if (flag.isEmpty() || !(flag.get().value() instanceof Value.Bool b) || !b.value()) {
                continue;
            }
            String why = name.equals("WHITENOISE_AUTOREFRESH")
                    ? "WhiteNoise rescans the static folders on every request instead of indexing them once, which is slow,"
                            + " and whitenoise before 6.12.0 had a file-access flaw in this mode"
                    : "WhiteNoise serves files straight from the app's static folders through the finders, bypassing"
                            + " `collectstatic`'s compressed and hashed copies";
            Optional<ResolvedVersion> whitenoise = ResolvedVersion.of(project, "whitenoise");
            if (name.equals("WHITENOISE_USE_FINDERS") && whitenoise.isPresent() && whitenoise.get().isAtLeast("3.0")
                    && whitenoise.get().isBelow("4.0") && autorefreshOff(django)) {
                findings.report(Severity.ERROR, flag.get().at(), name + " is `True` without WHITENOISE_AUTOREFRESH, which "
                        + whitenoise.get().describe() + " refuses with ImproperlyConfigured (\"WHITENOISE_USE_FINDERS can only be enabled in"
                        + " development when WHITENOISE_AUTOREFRESH is also enabled.\"), so the app fails to start; delete the line",
                        AppFacts.evidence(flag.get(), whitenoise.get()));
                continue;
            }
            findings.report(flag.get().at(), name + " is `True` in production, so " + why + "; delete the line (it defaults to DEBUG)",
                    AppFacts.tookEffect(flag.get()));
        }
    }

    /** True when WHITENOISE_AUTOREFRESH is certainly off: False, or unset while DEBUG is certainly false. */
    private static boolean autorefreshOff(DjangoProject django) {
        Optional<ModuleEvaluator.Binding> autorefresh = django.setting("WHITENOISE_AUTOREFRESH");
        if (autorefresh.isPresent()) {
            return !autorefresh.get().conditional() && Boolean.FALSE.equals(Value.truth(autorefresh.get().value()));
        }
        return django.definitelyUnset("WHITENOISE_AUTOREFRESH") && django.definiteSetting("DEBUG")
                .map(debug -> Boolean.FALSE.equals(Value.truth(debug.value()))).orElse(false);
    }
}
