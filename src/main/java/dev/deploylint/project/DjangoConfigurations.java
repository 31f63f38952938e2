package dev.deploylint.project;

import dev.deploylint.source.Location;
import dev.deploylint.parse.python.Expr;
import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.parse.python.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An app's use of django-configurations: the configuration class its wsgi.py (or manage.py) loads
 * by default through {@code os.environ.setdefault("DJANGO_CONFIGURATION", "Local")}, and the class
 * names the settings module defines or imports. Empty when no such default exists.
 */
public final class DjangoConfigurations {

    static final String VARIABLE = "DJANGO_CONFIGURATION";

    /** The default class name and where the code sets it (relative path, 1-based line). */
    public record Default(String className, Location at) {
    }

    private final Optional<Default> defaultClass;
    private final List<String> classes;

    private DjangoConfigurations(Project project) {
        PythonSources sources = PythonSources.of(project);
        List<String> candidates = new ArrayList<>(project.files().filesNamed("wsgi.py"));
        candidates.addAll(project.files().filesNamed("manage.py"));
        this.defaultClass = candidates.stream().filter(path -> !DjangoProject.inIgnoredFolder(path))
                .map(path -> sources.module(path).flatMap(module -> find(module.body()))).flatMap(Optional::stream).findFirst();
        List<String> names = new ArrayList<>();
        DjangoProject.of(project).settingsPath().flatMap(sources::module).map(PythonModule::body).ifPresent(body -> {
            for (Stmt stmt : body) {
                if (stmt instanceof Stmt.ClassDef c) {
                    names.add(c.name());
                } else if (stmt instanceof Stmt.ImportFrom i) {
                    i.names().forEach(alias -> names.add(alias.asName() != null ? alias.asName() : alias.name()));
                }
            }
        });
        this.classes = List.copyOf(names);
    }

    public static DjangoConfigurations of(Project project) {
        return project.view(DjangoConfigurations.class, DjangoConfigurations::new);
    }

    /** The class the processes load while DJANGO_CONFIGURATION is unset. */
    public Optional<Default> defaultClass() {
        return defaultClass;
    }

    /** Names the settings module defines with {@code class} or imports with {@code from ... import}, in order. */
    public List<String> classes() {
        return classes;
    }

    private static Optional<Default> find(List<Stmt> body) {
        return Stmt.firstMatch(body, stmt -> {
            if (stmt instanceof Stmt.ExprStmt s && s.value() instanceof Expr.Call call && call.func() instanceof Expr.Attribute method
                    && method.name().equals("setdefault") && call.args().size() == 2 && call.args().get(0) instanceof Expr.Str key
                    && key.value().equals(VARIABLE) && call.args().get(1) instanceof Expr.Str value) {
                return Optional.of(new Default(value.value(), value.at()));
            }
            return Optional.empty();
        });
    }
}
