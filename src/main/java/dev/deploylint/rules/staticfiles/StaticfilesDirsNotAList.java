package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Optional;

/**
 * ST010: STATICFILES_DIRS is a single path, usually a 1-tuple without its comma (staticfiles.E001).
 * collectstatic runs the staticfiles checks from Django 3.2; before, only {@code manage.py check}
 * reports it, a warning.
 */
public final class StaticfilesDirsNotAList implements Rule {

    @Override
    public String id() {
        return "ST010";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ModuleEvaluator.Binding> dirs = django.definiteSetting("STATICFILES_DIRS");
        if (dirs.isEmpty() || !AppFacts.installedApp(project, StaticSettings.STATICFILES_APP)) {
            return;
        }
        Value value = dirs.get().value();
        String shown;
        if (value instanceof Value.PathValue path) {
            shown = path.path().isEmpty() ? "." : path.path();
        } else if (value instanceof Value.Str text) {
            shown = text.value();
        } else {
            return;
        }
        boolean stops = StaticSettings.collectstaticRunsChecks(project);
        findings.report(stops ? null : Severity.WARNING, dirs.get().at(), "STATICFILES_DIRS is the single path `" + shown
                + "`, not a list or tuple, so Django's check staticfiles.E001"
                + (stops ? " stops `collectstatic` and the Heroku build fails" : " fails `manage.py check`") + "; wrap it in a list, or add the comma"
                + " a one-element tuple needs", AppFacts.tookEffect(dirs.get()));
    }
}
