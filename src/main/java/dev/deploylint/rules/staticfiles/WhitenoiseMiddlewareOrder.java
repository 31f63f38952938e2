package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.List;
import java.util.Optional;

/**
 * ST011: WhiteNoiseMiddleware belongs directly after SecurityMiddleware and before everything
 * else (evansd/whitenoise docs/django.rst); WhiteNoise has no system check for it.
 */
public final class WhitenoiseMiddlewareOrder implements Rule {

    static final String WHITENOISE = "whitenoise.middleware.WhiteNoiseMiddleware";
    private static final String SECURITY = "django.middleware.security.SecurityMiddleware";

    @Override
    public String id() {
        return "ST011";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ModuleEvaluator.Binding> middleware = DjangoProject.of(project).definiteSetting("MIDDLEWARE");
        Optional<List<String>> names = middleware.flatMap(binding -> StaticSettings.strings(binding.value()));
        if (names.isEmpty() || !names.get().contains(WHITENOISE)) {
            return;
        }
        int whitenoise = names.get().indexOf(WHITENOISE);
        int security = names.get().indexOf(SECURITY);
        String fix = "; list `\"" + WHITENOISE + "\"` directly after SecurityMiddleware";
        Optional<String> helper = DjangoProject.of(project).settings().flatMap(settings -> settings.calls().stream()
                .filter(call -> call.qualifiedName().equals("django_heroku.settings") && call.call().at().equals(middleware.get().at()))
                .map(ModuleEvaluator.CallSite::qualifiedName).findFirst());
        if (security > whitenoise && helper.isPresent()) {
            // django-heroku (every release) prepends WhiteNoise to the middleware it is given
            findings.report(middleware.get().at(), "`django_heroku.settings()` puts WhiteNoiseMiddleware before SecurityMiddleware,"
                    + " so static files are served without SecurityMiddleware's HTTPS redirect and security headers; pass"
                    + " `staticfiles=False` and set STATIC_ROOT, the static files storage and WhiteNoiseMiddleware (directly after"
                    + " SecurityMiddleware) yourself", AppFacts.tookEffect(middleware.get()));
        } else if (security > whitenoise) {
            findings.report(middleware.get().at(), "WhiteNoiseMiddleware comes before SecurityMiddleware in MIDDLEWARE, so static files"
                    + " are served without SecurityMiddleware's HTTPS redirect and security headers" + fix,
                    AppFacts.tookEffect(middleware.get()));
        } else if (whitenoise != security + 1) {
            String before = names.get().get(whitenoise - 1);
            findings.report(middleware.get().at(), "WhiteNoiseMiddleware comes after `" + before.substring(before.lastIndexOf('.') + 1)
                    + "` in MIDDLEWARE, so every static file request runs through middleware it does not need, slowing it down" + fix,
                    AppFacts.tookEffect(middleware.get()));
        }
    }
}
