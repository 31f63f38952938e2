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
 * ST009: the staticfiles checks E002 (an entry is STATIC_ROOT) and E003 (a prefix ending in a
 * slash), from FileSystemFinder in django/contrib/staticfiles/finders.py. collectstatic runs the
 * staticfiles checks from Django 3.2, so either stops the build; on older Django only
 * {@code manage.py check} reports them, a warning.
 */
public final class StaticRootInStaticfilesDirs implements Rule {

    @Override
    public String id() {
        return "ST009";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ModuleEvaluator.Binding> dirs = django.definiteSetting("STATICFILES_DIRS");
        if (dirs.isEmpty() || !(dirs.get().value() instanceof Value.Seq seq)
                || !AppFacts.installedApp(project, StaticSettings.STATICFILES_APP)) {
            return;
        }
        Optional<Value> root = django.definiteSetting("STATIC_ROOT").map(ModuleEvaluator.Binding::value)
                .filter(v -> v instanceof Value.PathValue || v instanceof Value.Str s && !s.value().isEmpty());
        boolean stops = StaticSettings.collectstaticRunsChecks(project);
        Severity severity = stops ? null : Severity.WARNING;
        String consequence = stops ? " stops `collectstatic` and the Heroku build fails" : " fails `manage.py check`";
        for (Value entry : seq.items()) {
            Value path = entry;
            if (entry instanceof Value.Seq pair && pair.items().size() == 2) {
                path = pair.items().get(1);
                if (pair.items().get(0) instanceof Value.Str prefix && prefix.value().endsWith("/")) {
                    findings.report(severity, dirs.get().at(), "the STATICFILES_DIRS prefix `" + prefix.value() + "` ends with a slash, so Django's check"
                            + " staticfiles.E003" + consequence + "; write the prefix as `"
                            + prefix.value().replaceAll("/+$", "") + "`", AppFacts.tookEffect(dirs.get()));
                }
            }
            if (root.isPresent() && root.get().equals(path)) {
                String shown = path instanceof Value.PathValue p ? (p.path().isEmpty() ? "." : p.path()) : ((Value.Str) path).value();
                findings.report(severity, dirs.get().at(), "STATICFILES_DIRS lists `" + shown + "`, which is STATIC_ROOT, so Django's check staticfiles.E002"
                        + consequence + "; keep your sources in another folder (such as `static`) and"
                        + " let `collectstatic` fill STATIC_ROOT", AppFacts.tookEffect(dirs.get()));
            }
        }
    }
}
