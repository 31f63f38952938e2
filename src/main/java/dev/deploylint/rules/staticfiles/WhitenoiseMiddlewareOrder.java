package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.source.SourceFile;
import dev.deploylint.rules.PythonEdits;
import dev.deploylint.lint.Rule;
import dev.deploylint.lint.Severity;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.ResolvedVersion;
import dev.deploylint.rules.AppFacts;
import java.util.List;
import java.util.Optional;

/**
 * ST011: WhiteNoiseMiddleware belongs directly after SecurityMiddleware and before everything
 * else (evansd/whitenoise docs/django.rst); WhiteNoise has no system check for it.
 */
public final class WhitenoiseMiddlewareOrder implements Rule {

    static final String WHITENOISE = "whitenoise.middleware.WhiteNoiseMiddleware";
    static final String SECURITY = "django.middleware.security.SecurityMiddleware";

    private static final List<String> SECURITY_SWITCHES = List.of("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
            "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_BROWSER_XSS_FILTER", "SECURE_REFERRER_POLICY");

    @Override
    public String id() {
        return "ST011";
    }

    /** The Django version ("django 2.1.7") when it is before 3.0 and no SECURE_* switch is set at all. */
    private static Optional<String> idleSecurityMiddleware(Project project) {
        DjangoProject django = DjangoProject.of(project);
        return ResolvedVersion.of(project, "django")
                .filter(version -> version.isBelow("3.0"))
                .filter(version -> SECURITY_SWITCHES.stream().allMatch(django::definitelyUnset))
                .map(ResolvedVersion::describe);
    }

    /**
     * Moves WhiteNoise's line to just after SecurityMiddleware's, when MIDDLEWARE is a list display
     * of string literals, one a line each with its comma, that the module did not change afterwards.
     */
    private static Fix move(Project project, ModuleEvaluator.Binding middleware, List<String> names) {
        if (security(names) < 0) {
            return null;
        }
        return PythonEdits.statement(project, middleware).flatMap(statement -> statement.stringList()
                .filter(items -> items.stream().map(PythonEdits.Item::value).toList().equals(names))
                .flatMap(items -> {
                    SourceFile file = statement.file();
                    PythonEdits.Item moved = items.get(names.indexOf(WHITENOISE));
                    PythonEdits.Item anchor = items.get(security(names));
                    if (!ownLine(file, moved) || !ownLine(file, anchor)) {
                        return Optional.empty();
                    }
                    int line = file.locationOf(moved.start()).line();
                    String text = file.text().substring(file.lineStart(line), file.lineEnd(line));
                    int after = file.lineEnd(file.locationOf(anchor.start()).line());
                    return Optional.of(Fix.builder("moved WhiteNoiseMiddleware to just after SecurityMiddleware in " + middleware.at().path())
                            .replace(file, file.lineStart(line), file.lineEnd(line), "")
                            .insert(file, after, text.endsWith("\n") || text.endsWith("\r") ? text : text + file.lineBreak()).build());
                })).orElse(null);
    }

    static int security(List<String> names) {
        return names.indexOf(SECURITY);
    }

    /** True when {@code item} is alone on its line with its comma (a comment may follow). */
    static boolean ownLine(SourceFile file, PythonEdits.Item item) {
        int line = file.locationOf(item.start()).line();
        String text = file.line(line);
        String before = text.substring(0, item.start() - file.lineStart(line));
        String after = text.substring(item.end() - file.lineStart(line)).strip();
        return item.comma() && before.isBlank() && (after.equals(",") || after.startsWith(",") && after.substring(1).strip().startsWith("#"));
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
        Optional<String> helper = DjangoProject.of(project).herokuHelperCalls().stream()
                .filter(call -> call.qualifiedName().equals("django_heroku.settings") && call.call().at().equals(middleware.get().at()))
                .map(ModuleEvaluator.CallSite::qualifiedName).findFirst();
        // Before Django 3.0 SecurityMiddleware does nothing unless a SECURE_* setting turns something on
        // (nosniff became the default in 3.0): then static files lose nothing yet, which is a note.
        Optional<String> idle = idleSecurityMiddleware(project);
        Severity severity = idle.isPresent() ? Severity.NOTE : Severity.WARNING;
        String consequence = idle.map(django -> " so static files would be served without SecurityMiddleware's HTTPS redirect and security"
                + " headers; " + django + " with no SECURE_* setting on makes SecurityMiddleware add nothing today, but turning one on"
                + " (or Django 3.0, which sends nosniff by default) will skip static files")
                .orElse(" so static files are served without SecurityMiddleware's HTTPS redirect and security headers");
        if (security > whitenoise && helper.isPresent()) {
            // django-heroku (every release) prepends WhiteNoise to the middleware it is given
            findings.report(severity, middleware.get().at(), "`django_heroku.settings()` puts WhiteNoiseMiddleware before SecurityMiddleware,"
                    + consequence + "; pass `staticfiles=False` and set STATIC_ROOT, the static files storage and WhiteNoiseMiddleware"
                    + " (directly after SecurityMiddleware) yourself", AppFacts.tookEffect(middleware.get()));
        } else if (security > whitenoise) {
            findings.report(severity, middleware.get().at(), "WhiteNoiseMiddleware comes before SecurityMiddleware in MIDDLEWARE,"
                    + consequence + fix, move(project, middleware.get(), names.get()), AppFacts.tookEffect(middleware.get()));
        } else if (whitenoise != security + 1) {
            String before = names.get().get(whitenoise - 1);
            findings.report(null, middleware.get().at(), "WhiteNoiseMiddleware comes after `" + before.substring(before.lastIndexOf('.') + 1)
                    + "` in MIDDLEWARE, so every static file request runs through middleware it does not need, slowing it down" + fix,
                    move(project, middleware.get(), names.get()), AppFacts.tookEffect(middleware.get()));
        }
    }
}
