package dev.deploylint.rules.database;

import dev.deploylint.lint.Findings;
import dev.deploylint.lint.Fix;
import dev.deploylint.parse.python.SourceScanner;
import dev.deploylint.source.SourceFile;
import dev.deploylint.lint.Rule;
import dev.deploylint.parse.python.ModuleEvaluator;
import dev.deploylint.parse.python.Value;
import dev.deploylint.project.DjangoProject;
import dev.deploylint.project.Project;
import dev.deploylint.rules.AppFacts;
import java.util.Map;
import java.util.Optional;

/**
 * DB007: the ENGINE name postgresql_psycopg2. Django 3.0 removed the module, but load_backend
 * in django/db/utils.py still maps the name to django.db.backends.postgresql (checked in 3.2,
 * 4.2 and 5.2), so it works: advice only.
 */
public final class OldPostgresEngineName implements Rule {

    private static final String OLD = "django.db.backends.postgresql_psycopg2";
    private static final String NEW = "django.db.backends.postgresql";

    /**
     * Replaces every plain {@code 'django.db.backends.postgresql_psycopg2'} literal in the module
     * that set DATABASES (the alias maps to the new name in every Django, so dead branches lose nothing).
     */
    private static Fix renaming(Project project, ModuleEvaluator.Binding databases) {
        Optional<SourceFile> file = project.text(databases.at().path());
        if (file.isEmpty()) {
            return null;
        }
        String text = file.get().text();
        Fix.Builder fix = Fix.builder("renamed the ENGINE `" + OLD + "` to `" + NEW + "` in " + databases.at().path());
        boolean any = false;
        for (char quote : new char[] {'\'', '"'}) {
            String literal = quote + OLD + quote;
            for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
                if (SourceScanner.stringEnd(text, at) == at + literal.length() && outsideCommentsAndStrings(text, at)) {
                    fix.replace(file.get(), at + 1, at + 1 + OLD.length(), NEW);
                    any = true;
                }
            }
        }
        return any ? fix.build() : null;
    }

    /** True when {@code offset} starts a token, not the inside of a comment or of another string. */
    private static boolean outsideCommentsAndStrings(String text, int offset) {
        int i = 0;
        while (i < offset) {
            char c = text.charAt(i);
            if (c == '#') {
                int end = text.indexOf('\n', i);
                if (end < 0 || end > offset) {
                    return false;
                }
                i = end;
            } else if (c == '\'' || c == '"') {
                int end = SourceScanner.stringEnd(text, i);
                if (end < 0 || end > offset) {
                    return false;
                }
                i = end;
                continue;
            }
            i++;
        }
        return true;
    }

    @Override
    public String id() {
        return "DB007";
    }

    @Override
    public void check(Project project, Findings findings) {
        Optional<ModuleEvaluator.Binding> databases = Databases.definite(DjangoProject.of(project));
        if (databases.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Value.Dict> alias : Databases.aliases((Value.Dict) databases.get().value()).entrySet()) {
            if (Databases.engine(alias.getValue()).filter(OLD::equals).isPresent()) {
                findings.report(databases.get().at(), "the `" + alias.getKey() + "` database uses the old ENGINE name `" + OLD
                        + "`, which Django keeps only as an alias; use `django.db.backends.postgresql`", renaming(project, databases.get()),
                        AppFacts.tookEffect(databases.get()));
            }
        }
    }
}
