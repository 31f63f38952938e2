package dev.deploylint.project;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the app is a project template, rendered before it is deployed: a
 * {@code django-admin startproject --template} or cookiecutter repository whose Procfile, manage.py,
 * app.json, Django modules or folder names hold Django/Jinja placeholders ({@code {{ project_name }}},
 * {@code {{cookiecutter.project_slug}}}, {@code {% if ... %}}). {@link #firstPlaceholder()} is the
 * earliest one in path order; comment lines are not read, so prose about braces does not count.
 */
public final class ProjectTemplate {

    // A variable written with spaces ({{ name }}, {{ a.b|filter }}) or naming cookiecutter
    // ({{cookiecutter.slug}}), or a tag ({% if x %}, {%- endif -%}). "{{levelname}}" is how an f-string
    // or str.format writes literal braces, so an unspaced variable counts only for cookiecutter.
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?<!\\{)\\{\\{-?(\\s+[A-Za-z_][\\w.]*(\\s*\\|[^{}\\n]*)?\\s+|\\s*cookiecutter\\.[\\w.]+(\\s*\\|[^{}\\n]*)?\\s*)-?\\}\\}"
                    + "|\\{%-?\\s*[a-z]+\\b[^%\\n]*-?%\\}");

    private static final List<String> TEXT_FILES = List.of("Procfile", "manage.py", "app.json", "requirements.txt", "runtime.txt", ".python-version");
    private static final List<String> DJANGO_MODULES = List.of("settings.py", "wsgi.py", "asgi.py", "urls.py");

    private final Optional<Location> firstPlaceholder;

    private ProjectTemplate(Optional<Location> firstPlaceholder) {
        this.firstPlaceholder = firstPlaceholder;
    }

    public static ProjectTemplate of(Project project) {
        return project.view(ProjectTemplate.class, ProjectTemplate::load);
    }

    /** True when the text holds a template placeholder, so that a value holding it is not judged as is. */
    public static boolean containsPlaceholder(String text) {
        return text != null && PLACEHOLDER.matcher(text).find();
    }

    public boolean isTemplate() {
        return firstPlaceholder.isPresent();
    }

    /** The first placeholder: in a file's text, or at the start of the first file under a placeholder-named folder. */
    public Optional<Location> firstPlaceholder() {
        return firstPlaceholder;
    }

    private static ProjectTemplate load(Project project) {
        List<Location> found = new ArrayList<>();
        for (Map.Entry<String, FileTree.Kind> entry : project.files().entries().entrySet()) {
            if (entry.getValue() == FileTree.Kind.FILE && containsPlaceholder(entry.getKey())) {
                found.add(Location.startOf(entry.getKey()));
                break;
            }
        }
        List<String> paths = new ArrayList<>(TEXT_FILES);
        DJANGO_MODULES.forEach(name -> paths.addAll(project.files().filesNamed(name)));
        for (String path : paths) {
            project.text(path).flatMap(ProjectTemplate::firstIn).ifPresent(found::add);
        }
        return new ProjectTemplate(found.stream().sorted().findFirst());
    }

    private static Optional<Location> firstIn(SourceFile file) {
        for (int line = 1; line <= file.lineCount(); line++) {
            String text = file.line(line);
            if (text.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher placeholder = PLACEHOLDER.matcher(text);
            if (placeholder.find()) {
                return Optional.of(file.at(line, placeholder.start()));
            }
        }
        return Optional.empty();
    }
}
