package dev.deploylint.rules.procfile;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.AppCommands;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.ProcessCommand;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.List;
import java.util.Optional;

/**
 * PF012: a build or release step in the wrong place: collectstatic, migrate or pip install in the
 * web command (at every dyno start), collectstatic in the release phase (its one-off dyno's files
 * are thrown away), and migrate in a build hook (against the database, during the build).
 */
public final class BuildStepInWebProcess implements Rule {

    private static final String DELAY = " at every dyno start, which delays binding `$PORT` (Heroku stops a web dyno that has not bound it"
            + " within 60 seconds, R10)";

    @Override
    public String id() {
        return "PF012";
    }

    @Override
    public void check(Project project, Findings findings) {
        AppCommands commands = AppCommands.of(project);
        boolean hasRelease = !commands.ofKind(AppCommands.Kind.RELEASE).isEmpty();
        for (AppCommands.Command command : commands.all()) {
            for (ProcessCommand.Invocation invocation : command.parsed().invocations()) {
                ProcessCommand.Word step = buildStep(invocation);
                if (step == null) {
                    continue;
                }
                switch (command.kind()) {
                    case WEB -> web(project, command, invocation, step, hasRelease, findings);
                    case RELEASE -> {
                        if (step.text().equals("collectstatic") && localStaticStorage(project)) {
                            findings.report(step.at(), command.describe() + " runs `collectstatic`, but the release phase runs in a one-off"
                                    + " dyno whose files are thrown away when it ends, so the web dynos never get the collected files; "
                                    + collectstaticFix(project, command));
                        }
                    }
                    case BUILD_HOOK -> {
                        if (step.text().equals("migrate")) {
                            findings.report(step.at(), command.describe() + " runs `migrate` during the build, against the database"
                                    + " the build's config vars name, before the release phase: a build that fails after it, or a slug"
                                    + " that is never released, leaves the database migrated for code that is not running; move it to a"
                                    + " `release: python manage.py migrate --noinput` line in the Procfile");
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    private static void web(Project project, AppCommands.Command command, ProcessCommand.Invocation invocation, ProcessCommand.Word step,
                            boolean hasRelease, Findings findings) {
        boolean procfile = command.source() == AppCommands.Source.PROCFILE;
        String who = procfile ? "the web process" : command.describe();
        String releaseFix = procfile
                ? (hasRelease ? "move it to the `release:` process" : "move it to a `release: python manage.py migrate` line")
                : (hasRelease ? "move it to heroku.yml's `release` command"
                : "move it to a release command in heroku.yml (`release: {image: web, command: [python manage.py migrate --noinput]}`)");
        switch (step.text()) {
            case "collectstatic" -> findings.report(step.at(), who + " runs `collectstatic`" + DELAY
                    + " and repeats the same work on every dyno; " + (procfile ? (AppFacts.collectstaticRuns(project)
                    ? "the build already runs it, so remove it from `web:`"
                    : "remove it from `web:` and let the build run it (unset `DISABLE_COLLECTSTATIC`)")
                    : "run it once when the image is built, with `RUN python manage.py collectstatic --noinput` in the Dockerfile"));
            case "migrate" -> findings.report(step.at(), who + " runs `migrate`" + DELAY
                    + ", and with several web dynos each one migrates the database at once; " + releaseFix);
            default -> findings.report(step.at(), who + " runs `pip install`" + DELAY
                    + ", so every dyno downloads and installs the packages again at boot; "
                    + (!procfile ? "install them in the Dockerfile with `RUN pip install`"
                    : installsRequirements(invocation) ? "the build already installs them, so remove it from `web:`"
                    : "declare them in your dependencies so the build installs them once"));
        }
    }

    private static String collectstaticFix(Project project, AppCommands.Command command) {
        if (command.source() == AppCommands.Source.HEROKU_YML_RELEASE) {
            return "run it when the image is built, with `RUN python manage.py collectstatic --noinput` in the Dockerfile";
        }
        return AppFacts.collectstaticRuns(project) ? "remove it: the build already runs collectstatic into the slug"
                : "let the build run it (unset `DISABLE_COLLECTSTATIC`), or run it in `bin/post_compile`";
    }

    /**
     * True when the settings are known and keep static files on the dyno's disk: no STORAGES or
     * STATICFILES_STORAGE at all, or a Django or WhiteNoise backend. A remote storage (S3, Cloudinary)
     * makes collectstatic in the release phase upload the files, which works.
     */
    private static boolean localStaticStorage(Project project) {
        DjangoProject django = DjangoProject.of(project);
        if (django.settings().isEmpty()) {
            return false;
        }
        Optional<ModuleEvaluator.Binding> storages = django.setting("STORAGES");
        Optional<ModuleEvaluator.Binding> legacy = django.setting("STATICFILES_STORAGE");
        String backend;
        if (storages.isPresent()) {
            if (!(storages.get().value() instanceof Value.Dict dict && dict.get("staticfiles") instanceof Value.Dict staticfiles
                    && staticfiles.get("BACKEND") instanceof Value.Str name)) {
                return false;
            }
            backend = name.value();
        } else if (legacy.isPresent()) {
            if (!(legacy.get().value() instanceof Value.Str name)) {
                return false;
            }
            backend = name.value();
        } else {
            return true;
        }
        return backend.startsWith("django.") || backend.startsWith("whitenoise.");
    }

    /** True for {@code pip install -r requirements.txt}, which the build runs already. */
    private static boolean installsRequirements(ProcessCommand.Invocation invocation) {
        return invocation.args().stream()
                .anyMatch(w -> w.text().replaceFirst("^(-r|--requirement=?)", "").equals("requirements.txt"));
    }

    /** The word naming the build step this invocation runs, or null. */
    private static ProcessCommand.Word buildStep(ProcessCommand.Invocation invocation) {
        List<ProcessCommand.Word> args = invocation.args();
        String program = invocation.programName();
        if (program.equals("pip") || program.equals("pip3")) {
            return !args.isEmpty() && args.get(0).text().equals("install") ? new ProcessCommand.Word("pip install",
                    invocation.program().at(), false) : null;
        }
        return invocation.managementCommand()
                .filter(word -> word.text().equals("collectstatic") || word.text().equals("migrate"))
                .orElse(null);
    }
}
