package dev.deploylint.rules.security;

import dev.deploylint.lint.Evidence;
import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import dev.deploylint.source.Location;
import java.util.Optional;

/** DJ005: ALLOWED_HOSTS is empty, so Django answers 400 to every request to the Heroku app, whatever DEBUG is. */
public final class AllowedHostsEmpty implements Rule {

    private static final String FIX = "list your domains, e.g. `ALLOWED_HOSTS = [\"myapp.herokuapp.com\"]`"
            + " (`[\"*\"]` is acceptable on Heroku, whose router validates the Host header)";

    @Override
    public String id() {
        return "DJ005";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        if (django.settings().isEmpty()) {
            return;
        }
        Optional<ModuleEvaluator.Binding> hosts = django.definiteSetting("ALLOWED_HOSTS");
        boolean unset = django.definitelyUnset("ALLOWED_HOSTS");
        if (hosts.isPresent() && hosts.get().value() instanceof Value.EnvRead env && env.fallback() != null && Value.isFalsy(env.fallback())) {
            findings.report(Severity.NOTE, hosts.get().at(), "ALLOWED_HOSTS is empty unless config var `" + env.name()
                    + "` is set, and Django then rejects every request with 400 Bad Request; make sure the Heroku app sets it",
                    AppFacts.tookEffect(hosts.get()));
            return;
        }
        if (!unset && !(hosts.isPresent() && hosts.get().value() instanceof Value.Seq seq && seq.items().isEmpty())) {
            return;
        }
        Location at = unset ? SecuritySettings.settingsStart(django) : hosts.get().at();
        Evidence[] evidence = unset ? new Evidence[0] : AppFacts.tookEffect(hosts.get());
        String what = unset ? "ALLOWED_HOSTS is not set" : "ALLOWED_HOSTS is empty";
        Optional<ResolvedVersion> djangoVersion = ResolvedVersion.of(project, "django");
        boolean debugOff = Boolean.FALSE.equals(SecuritySettings.truth(django, "DEBUG", false));
        if (!debugOff && djangoVersion.isPresent() && SecuritySettings.debugSkipsHostCheck(djangoVersion.get())) {
            findings.report(Severity.WARNING, at, what + ", so " + djangoVersion.get().describe() + " rejects every request with"
                    + " 400 Bad Request as soon as DEBUG is False (security.W020); " + FIX, with(evidence, djangoVersion.get()));
            return;
        }
        String debug = debugOff ? django.definitelyUnset("DEBUG") ? " and DEBUG is not set (so False)" : " and DEBUG is False"
                : ", and even DEBUG = True allows only localhost names then";
        findings.report(at, what + debug + ", so Django rejects every request to the Heroku app with"
                + " 400 Bad Request (DisallowedHost); " + FIX, evidence);
    }

    private static Evidence[] with(Evidence[] evidence, ResolvedVersion version) {
        Evidence[] all = java.util.Arrays.copyOf(evidence, evidence.length + 1);
        all[evidence.length] = version.evidence();
        return all;
    }
}
