package dev.deploylint.rules.staticfiles;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.project.Dependencies;
import dev.deploylint.source.SourceFile;
import dev.deploylint.rules.PythonEdits;
import java.util.List;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.ProcessCommand;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import dev.deploylint.rules.ResolvedVersion;
import java.util.Optional;
import java.util.Set;

/**
 * ST004: a Django app served by a Python application server with nothing to serve its static
 * files: gunicorn and friends never serve them, and Django does so only under runserver.
 */
public final class WhitenoiseNotConfigured implements Rule {

    private static final Set<String> SERVERS = Set.of("gunicorn", "uvicorn", "daphne", "waitress-serve", "hypercorn");

    @Override
    public String id() {
        return "ST004";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        if (!servedByAppServer(project) || django.settings().isEmpty() || django.settings().get().namespace().opaque()
                || !AppFacts.installedApp(project, StaticSettings.STATICFILES_APP) || StaticSettings.remoteStorage(django)
                || !django.herokuHelperCalls().isEmpty()) { // django-heroku and django-on-heroku insert WhiteNoise themselves
            return;
        }
        Optional<ModuleEvaluator.Binding> middleware = django.setting("MIDDLEWARE")
                .or(() -> django.setting("MIDDLEWARE_CLASSES"));
        if (middleware.isEmpty() || !(middleware.get().value() instanceof Value.Seq seq)
                || !seq.items().stream().allMatch(v -> v instanceof Value.Str)
                || seq.items().stream().anyMatch(v -> ((Value.Str) v).value().startsWith("whitenoise."))) {
            return;
        }
        for (ModuleEvaluator.Evaluation wsgi : WsgiModules.of(project)) {
            if (wsgi.imports().stream().anyMatch(i -> i.module().startsWith("whitenoise") || i.module().startsWith("dj_static"))) {
                return;
            }
        }
        // WhiteNoise's middleware (3.0+) supports Django 1.8+; older Djangos have only the 2.x WSGI wrapper.
        boolean middlewareFits = ResolvedVersion.of(project, "django").map(d -> d.isAtLeast("1.8")).orElse(true);
        String fix = middlewareFits
                ? "add `\"whitenoise.middleware.WhiteNoiseMiddleware\"` right after SecurityMiddleware and `whitenoise` to the dependencies"
                : "wrap the application in wsgi.py with `whitenoise.django.DjangoWhiteNoise` and add `whitenoise<3` to the dependencies"
                        + " (WhiteNoise's middleware needs Django 1.8 or later)";
        findings.report(middleware.get().at(), "nothing serves static files: the app runs under an application server with no"
                + " WhiteNoise middleware or remote storage, so every static file 404s; " + fix,
                middlewareFits ? insertion(project, middleware.get()) : null, AppFacts.tookEffect(middleware.get()));
    }

    /**
     * Adds WhiteNoise's line after SecurityMiddleware's, in its quote and indentation, when the app
     * declares whitenoise (else the import would fail at start) and MIDDLEWARE is a plain list
     * display holding SecurityMiddleware alone on its line.
     */
    private static Fix insertion(Project project, ModuleEvaluator.Binding middleware) {
        Fix.Builder fix = Fix.builder("added WhiteNoiseMiddleware after SecurityMiddleware in " + middleware.at().path());
        return insertInto(fix, project, middleware) ? fix.build() : null;
    }

    /** Adds the insertion {@link #insertion} describes to {@code fix}; false, adding nothing, when it cannot. */
    static boolean insertInto(Fix.Builder fix, Project project, ModuleEvaluator.Binding middleware) {
        if (Dependencies.of(project).find("whitenoise").isEmpty() || !middleware.at().path().endsWith(".py")) {
            return false;
        }
        List<String> names = StaticSettings.strings(middleware.value()).orElse(List.of());
        int security = WhitenoiseMiddlewareOrder.security(names);
        if (security < 0) {
            return false;
        }
        return PythonEdits.statement(project, middleware).flatMap(statement -> statement.stringList()
                .filter(items -> items.stream().map(PythonEdits.Item::value).toList().equals(names))
                .filter(items -> WhitenoiseMiddlewareOrder.ownLine(statement.file(), items.get(security)))
                .map(items -> {
                    SourceFile file = statement.file();
                    PythonEdits.Item anchor = items.get(security);
                    int line = file.locationOf(anchor.start()).line();
                    String indent = file.text().substring(file.lineStart(line), anchor.start());
                    fix.insert(file, file.lineEnd(line), indent + anchor.quote() + WhitenoiseMiddlewareOrder.WHITENOISE + anchor.quote()
                            + "," + file.lineBreak());
                    return true;
                })).orElse(false);
    }

    private static boolean servedByAppServer(Project project) {
        return Procfile.of(project).flatMap(p -> p.process("web"))
                .map(web -> web.parsed().invocations().stream().map(ProcessCommand.Invocation::programName).anyMatch(SERVERS::contains))
                .orElse(false);
    }
}
