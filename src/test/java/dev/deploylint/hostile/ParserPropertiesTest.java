package dev.deploylint.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.parse.json.JsonDocument;
import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.parse.python.PythonParser;
import dev.deploylint.project.Dockerfile;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.Project;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.project.Requirements;
import dev.deploylint.project.Version;
import dev.deploylint.project.VersionSpecifier;
import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For arbitrary input the parsers terminate, never throw, and report positions inside the file. */
class ParserPropertiesTest {

    /** Text made mostly of the characters these formats care about, plus anything else now and then. */
    @Provide
    Arbitrary<String> source() {
        Arbitrary<Character> interesting = Arbitraries.of('\n', '\r', '\t', ' ', ':', '#', '=', '(', ')', '[', ']', '{', '}',
                '"', '\'', '\\', ',', '.', '-', '$', 'a', 'w', 'e', 'b', '1', '3', '\uFEFF', '\u0000', '\u00e9', '\uD83D');
        return Arbitraries.oneOf(
                        interesting.list().ofMaxSize(400).map(ParserPropertiesTest::join),
                        Arbitraries.strings().ofMaxLength(400),
                        Arbitraries.of("def f(:\n", "if x:\n  y = (\n", "'''", "x = [1,\n", "\tA = 1\n  B = 2\n", "web: gunicorn a.wsgi\n"))
                .list().ofMaxSize(6).map(parts -> String.join("", parts));
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder text = new StringBuilder();
        chars.forEach(text::append);
        return text.toString();
    }

    private static boolean inside(SourceFile file, Location location) {
        return location.line() >= 1 && location.line() <= Math.max(1, file.lineCount() + 1) && location.column() >= 1;
    }

    @Property(tries = 300)
    void pythonParserNeverThrowsAndLocatesProblemsInTheFile(@ForAll("source") String text) {
        SourceFile file = SourceFile.of("settings.py", text);
        PythonModule module = PythonParser.parse(file);
        module.problems().forEach(problem -> assertTrue(inside(file, problem.location()), problem.toString()));
        module.body().forEach(stmt -> assertTrue(inside(file, stmt.at()), stmt.toString()));
    }

    @Property(tries = 300)
    void procfileParserNeverThrows(@ForAll("source") String text) {
        SourceFile file = SourceFile.of("Procfile", text);
        Procfile procfile = Procfile.parse(file);
        procfile.invalidLines().forEach(line -> assertTrue(inside(file, line.location())));
        procfile.processes().forEach(process -> assertTrue(inside(file, process.commandAt())));
    }

    @Property(tries = 300)
    void dockerfileParserNeverThrowsAndLocatesValuesInTheFile(@ForAll("dockerfile") String text) {
        SourceFile file = SourceFile.of("Dockerfile", text);
        Dockerfile dockerfile = Dockerfile.parse(file);
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            assertTrue(inside(file, stage.from().at()), stage.toString());
            stage.env().forEach(env -> assertTrue(inside(file, env.at()), env.toString()));
        }
        dockerfile.python();
        dockerfile.command().ifPresent(command -> assertTrue(inside(file, command.at()), command.toString()));
    }

    @Provide
    Arbitrary<String> dockerfile() {
        return Arbitraries.oneOf(source(), Arbitraries.of("FROM python:3.12-slim AS a\n", "FROM a\n", "ENV A=1 B=\"2 3\" \\\n",
                        "CMD [\"gunicorn\", \"a.wsgi\"]\n", "ENTRYPOINT x \\\n  # c\n", "# escape=`\n", "FROM --platform=x\n", "ENV\n"))
                .list().ofMaxSize(8).map(parts -> String.join("", parts));
    }

    @Property(tries = 300)
    void dotEnvParserNeverThrowsAndLocatesKeysInTheFile(@ForAll("source") String text) {
        SourceFile file = SourceFile.of(".env", text);
        for (dev.deploylint.project.DotEnvFile.Dialect dialect : dev.deploylint.project.DotEnvFile.Dialect.values()) {
            dev.deploylint.project.DotEnvFile.parse(file, dialect).entries().forEach(entry -> assertTrue(inside(file, entry.at()), entry.toString()));
        }
    }

    @Property(tries = 300)
    void jsonParserNeverThrows(@ForAll("source") String text) {
        SourceFile file = SourceFile.of("app.json", text);
        JsonDocument document = JsonDocument.parse(file);
        assertTrue(document.isValid() || inside(file, document.problem().location()));
    }

    @Property(tries = 500)
    void versionParsersNeverThrowAndWhatTheyParseIsConsistent(@ForAll String text) {
        Version.parse(text).ifPresent(version -> {
            assertTrue(!version.release().isEmpty() && version.release().stream().allMatch(n -> n >= 0), version::toString);
            assertTrue(text.contains(String.valueOf(version.release().get(0))), () -> version + " from " + text);
            assertTrue(version.compareTo(version) == 0);
        });
        VersionSpecifier.parse(text).ifPresent(specifier -> assertTrue(
                specifier.clauses().stream().allMatch(clause -> clause.op() != null && clause.version() != null), specifier::toString));
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        dev.deploylint.source.FileContent content = SourceFile.decode(".python-version", bytes);
        if (content instanceof SourceFile file) {
            String decoded = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(file.text().equals(decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded), "decoded as UTF-8, nothing else");
        } else {
            assertTrue(content instanceof dev.deploylint.source.UnreadableFile unreadable && !unreadable.reason().isBlank());
        }
    }

    /** Whatever a settings module holds, evaluating it through the project's views finishes, and twice gives the same answer. */
    @Property(tries = 100)
    void theSettingsEvaluatorNeverThrowsAndIsDeterministic(@ForAll("source") String settings) throws Exception {
        Path app = java.nio.file.Files.createTempDirectory("deploylint-settings");
        try {
            java.nio.file.Files.createDirectories(app.resolve("mysite"));
            java.nio.file.Files.writeString(app.resolve("manage.py"),
                    "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
            java.nio.file.Files.writeString(app.resolve("mysite/__init__.py"), "");
            java.nio.file.Files.write(app.resolve("mysite/settings.py"), settings.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.util.List<String> first = new java.util.ArrayList<>();
            java.util.List<String> second = new java.util.ArrayList<>();
            for (java.util.List<String> answers : java.util.List.of(first, second)) {
                dev.deploylint.project.DjangoProject django = dev.deploylint.project.DjangoProject.of(Project.open(app, "heroku-24"));
                for (String name : new String[] {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASES", "STATIC_ROOT", "MIDDLEWARE"}) {
                    answers.add(name + "=" + django.setting(name).map(b -> b.value() + "@" + b.at()).orElse("unset"));
                }
            }
            assertTrue(first.equals(second), () -> first + " vs " + second);
        } finally {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(app)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Property(tries = 200)
    void requirementsParserNeverThrowsAndLocatesDependenciesInTheFile(@ForAll("requirements") String text) throws Exception {
        Path app = java.nio.file.Files.createTempDirectory("deploylint-requirements");
        try {
            java.nio.file.Files.write(app.resolve(Requirements.PATH), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Project project = Project.open(app, "heroku-24");
            Requirements requirements = Requirements.of(project).orElseThrow();
            java.util.Optional<SourceFile> read = project.text(Requirements.PATH);
            if (read.isEmpty()) {
                // Binary-looking text (NUL bytes) is not read at all: nothing is parsed, and DL001 names the file.
                assertTrue(requirements.dependencies().isEmpty());
                assertTrue(project.unreadableFiles().stream().anyMatch(f -> f.path().equals(Requirements.PATH)));
                return;
            }
            SourceFile file = read.get();
            requirements.dependencies().forEach(d -> assertTrue(inside(file, d.at()), d.toString()));
            requirements.missingIncludes().forEach(m -> assertTrue(inside(file, m.at()), m.toString()));
        } finally {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(app)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Requirement lines: names, extras, markers, specifiers, options, includes and continuations, mixed with noise. */
    @Provide
    Arbitrary<String> requirements() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("django==5.2.8", "Django>=4.2,<5", "gunicorn ~= 23.0", "psycopg[binary]==3.2.9", "-r other.txt",
                        "-r requirements.txt", "-e git+https://x/y.git#egg=z", "--hash=sha256:abc", "pkg ; python_version < '3.12'",
                        "whitenoise[brotli]===6.9.0", "./local/pkg", "https://example.com/p.whl", "a \\", "# comment", "  ",
                        "name @ https://x/y.zip", "==1.0", "django==", "-c constraints.txt", "\uFEFFdjango==1"),
                source());
        return line.list().ofMaxSize(12).map(lines -> String.join("\n", lines));
    }
}
