package dev.deploylint.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.parse.json.JsonDocument;
import dev.deploylint.parse.python.PythonModule;
import dev.deploylint.parse.python.PythonParser;
import dev.deploylint.project.Location;
import dev.deploylint.project.Procfile;
import dev.deploylint.project.PythonVersionFiles;
import dev.deploylint.project.SourceFile;
import dev.deploylint.project.Version;
import dev.deploylint.project.VersionSpecifier;
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
    void jsonParserNeverThrows(@ForAll("source") String text) {
        SourceFile file = SourceFile.of("app.json", text);
        JsonDocument document = JsonDocument.parse(file);
        assertTrue(document.isValid() || inside(file, document.problem().location()));
    }

    @Property(tries = 500)
    void versionParsersNeverThrow(@ForAll String text) {
        Version.parse(text);
        VersionSpecifier.parse(text);
        SourceFile.decode(".python-version", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
