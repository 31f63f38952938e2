package dev.deploylint.rules.database;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.parse.python.SourceScanner;
import dev.deploylint.source.SourceFile;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.Expr;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DB002: the final {@code default} database is a dj-database-url result without conn_max_age, so
 * Django opens a connection per request. A later {@code DATABASES["default"]["CONN_MAX_AGE"] = 600}
 * or {@code .update(...)} changes that value, so the rule reads the evaluated setting, not the call;
 * a later django-heroku helper call that replaces the database (with conn_max_age=600) silences it.
 */
public final class PersistentConnectionsOff implements Rule {

    private static final Set<String> FUNCTIONS = Set.of("dj_database_url.config", "dj_database_url.parse");

    @Override
    public String id() {
        return "DB002";
    }

    @Override
    public void check(Project project, Findings findings) {
        DjangoProject django = DjangoProject.of(project);
        if (replacedByHelper(django.herokuHelperCalls())) {
            return;
        }
        String arguments = Databases.persistentArguments(project);
        String fix = arguments.isEmpty()
                ? "set `DATABASES[\"default\"][\"CONN_MAX_AGE\"] = 600` after the call (this dj-database-url has no `conn_max_age`;"
                        + " it arrived in 0.4.0)"
                : "pass `" + arguments + "`";
        for (Value option : Databases.defaultOptions(django)) {
            if (!(option instanceof Value.CallResult result) || !FUNCTIONS.contains(result.qualifiedName())) {
                continue;
            }
            Expr.Call call = result.call();
            Optional<Expr.Keyword> maxAge = call.keywords().stream().filter(k -> "conn_max_age".equals(k.name())).findFirst();
            boolean hasSpread = call.keywords().stream().anyMatch(k -> k.name() == null);
            if (hasSpread || maxAge.isPresent() && !(maxAge.get().value() instanceof Expr.Num n && n.text().matches("0+"))) {
                continue;
            }
            findings.report(maxAge.map(Expr.Keyword::at).orElse(call.at()), "`" + result.qualifiedName() + "()` without `conn_max_age`"
                    + " opens a new database connection for every request; " + fix,
                    maxAge.isPresent() || arguments.isEmpty() ? null : passing(project, call, arguments));
        }
    }

    /**
     * Adds {@code arguments} (only those the pinned dj-database-url and Django have) before the
     * call's closing parenthesis: after the last argument on its line, or on a line of their own
     * when the call ends with a trailing comma and the parenthesis on its own line.
     */
    private static Fix passing(Project project, Expr.Call call, String arguments) {
        Optional<SourceFile> file = project.text(call.at().path());
        if (file.isEmpty()) {
            return null;
        }
        String text = file.get().text();
        int open = text.indexOf('(', file.get().offsetOf(call.at()));
        int close = open < 0 ? -1 : SourceScanner.closing(text, open);
        if (close < 0 || text.substring(file.get().offsetOf(call.at()), open).contains("\n")) {
            return null;
        }
        Fix.Builder fix = Fix.builder("passed `" + arguments + "` to `" + text.substring(file.get().offsetOf(call.at()), open) + "()`");
        int last = close;
        while (last > open + 1 && Character.isWhitespace(text.charAt(last - 1))) {
            last--;
        }
        String between = text.substring(open + 1, close);
        if (between.contains("#")) {
            return null; // a comment before the parenthesis: where the arguments go is a matter of taste
        }
        if (last == open + 1) {
            return fix.replace(file.get(), open + 1, close, arguments).build();
        }
        if (text.charAt(last - 1) != ',') {
            return fix.insert(file.get(), last, ", " + arguments).build();
        }
        int closeLine = file.get().locationOf(close).line();
        int lineStart = file.get().lineStart(closeLine);
        int lastLine = file.get().locationOf(last - 1).line();
        if (closeLine == lastLine || !text.substring(lineStart, close).isBlank()) {
            return fix.insert(file.get(), last, " " + arguments + ",").build();
        }
        int argumentLine = file.get().lineStart(lastLine);
        String indent = text.substring(argumentLine, argumentLine + (file.get().line(lastLine).length() - file.get().line(lastLine).stripLeading().length()));
        StringBuilder lines = new StringBuilder();
        for (String argument : arguments.split(", ")) {
            lines.append(indent).append(argument).append(',').append(file.get().lineBreak());
        }
        return fix.insert(file.get(), lineStart, lines.toString()).build();
    }

    /**
     * True when a {@code django_heroku.settings(locals())} or django-on-heroku call with its
     * databases switch on replaces the default database, with {@code conn_max_age=600}, whenever
     * DATABASE_URL is set (core.py of both).
     */
    private static boolean replacedByHelper(List<ModuleEvaluator.CallSite> calls) {
        return calls.stream().anyMatch(c -> c.call().keywords().stream()
                .noneMatch(k -> "databases".equals(k.name()) && !(k.value() instanceof Expr.Constant constant && Boolean.TRUE.equals(constant.value()))));
    }
}
