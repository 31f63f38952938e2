package dev.deploylint.rules.security;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.List;
import java.util.Optional;

/** DJ006: a known middleware list lacks Django's security, CSRF or clickjacking middleware (W001/W003/W002). */
public final class SecurityMiddlewareMissing implements Rule {

    private record Required(String path, String check, String consequence) {
    }

    private static final List<Required> REQUIRED = List.of(
            new Required("django.middleware.security.SecurityMiddleware", "security.W001",
                    "SECURE_SSL_REDIRECT, HSTS, nosniff and Referrer-Policy settings have no effect"),
            new Required("django.middleware.csrf.CsrfViewMiddleware", "security.W003",
                    "forms are not protected against cross-site request forgery"),
            new Required("django.middleware.clickjacking.XFrameOptionsMiddleware", "security.W002",
                    "pages are sent without `X-Frame-Options` and can be framed by other sites (clickjacking)"));

    @Override
    public String id() {
        return "DJ006";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        Optional<ModuleEvaluator.Binding> list = SecuritySettings.definite(django, "MIDDLEWARE");
        String name = "MIDDLEWARE";
        if (list.isEmpty() && django.definitelyUnset("MIDDLEWARE")
                && ResolvedVersion.of(project, "django").filter(v -> v.isBelow("2.0")).isPresent()) {
            list = SecuritySettings.definite(django, "MIDDLEWARE_CLASSES");
            name = "MIDDLEWARE_CLASSES";
        }
        if (list.isEmpty() || !(list.get().value() instanceof Value.Seq seq)
                || !seq.items().stream().allMatch(v -> v instanceof Value.Str)) {
            return;
        }
        for (Required required : REQUIRED) {
            if (!AppFacts.containsString(seq, required.path())) {
                findings.report(list.get().at(), name + " lacks `" + required.path() + "`, so " + required.consequence()
                        + " (" + required.check() + "); add it to " + name, AppFacts.tookEffect(list.get()));
            }
        }
    }
}
