package dev.deploylint.parse.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PythonParserTest {

    @Test
    void aComparisonOfTwentyThousandTermsIsBuiltInOnePass() {
        // Fetching each operand by index from ANTLR's context scanned its children: 25 s for this chain.
        String text = "C = 1" + " < 1".repeat(19_999) + "\nD = 1 < 2 == 2 in [2]\n";

        PythonModule module = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> PythonParser.parse(SourceFile.of("settings.py", text)));

        Expr.Compare chain = assertInstanceOf(Expr.Compare.class, ((Stmt.Assign) module.body().get(0)).value());
        assertEquals(19_999, chain.ops().size());
        assertEquals(19_999, chain.comparators().size());
        Expr.Compare mixed = assertInstanceOf(Expr.Compare.class, ((Stmt.Assign) module.body().get(1)).value());
        assertEquals(List.of("<", "==", "in"), mixed.ops());
    }

    private static PythonModule parse(String text) {
        return PythonParser.parse(SourceFile.of("settings.py", text));
    }

    private static Stmt.Assign assignment(PythonModule module, String name) {
        return module.body().stream()
                .filter(s -> s instanceof Stmt.Assign a && a.targets().get(0) instanceof Expr.Name n && n.id().equals(name))
                .map(s -> (Stmt.Assign) s)
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no assignment to " + name));
    }

    static Stream<Path> pythonFilesInFixtures() throws IOException {
        Path root = Path.of(System.getProperty("deploylint.fixtures", "fixtures"));
        return Files.walk(root).filter(p -> p.toString().endsWith(".py"))
                .filter(p -> !p.toString().contains("DL003/fails-"))
                .filter(p -> !p.toString().contains("DL001/fails-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonFilesInFixtures")
    void everyFixtureModuleParsesWithoutProblems(Path file) throws IOException {
        PythonModule module = PythonParser.parse(SourceFile.of(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        assertEquals(List.of(), module.problems());
    }

    @Test
    void readsAssignmentsCallsAndLiterals() {
        PythonModule module = parse("""
                import os
                import dj_database_url as dburl
                from .base import *
                from django.core.wsgi import (get_wsgi_application,
                    )
                STATIC_URL = 'static/'
                DEBUG = False
                X = Y = None
                DATABASES['default'].update(dburl.config(conn_max_age=500, **extra))
                INSTALLED_APPS += ["a", *more]
                SIZE: int = 0x1F
                PREFIX = r"\\d+" "tail" f"{STATIC_URL}"
                """);
        assertEquals(List.of(), module.problems());
        assertEquals(new Expr.Str(new Location("settings.py", 6, 14), "static/", false, false), assignment(module, "STATIC_URL").value());
        assertEquals(new Expr.Constant(new Location("settings.py", 7, 9), false), assignment(module, "DEBUG").value());
        Stmt.ImportFrom star = (Stmt.ImportFrom) module.body().get(2);
        assertEquals(1, star.level());
        assertEquals("base", star.module());
        assertEquals("*", star.names().get(0).name());
        Stmt.ImportFrom wsgi = (Stmt.ImportFrom) module.body().get(3);
        assertEquals("get_wsgi_application", wsgi.names().get(0).name());
        assertEquals("dburl", ((Stmt.Import) module.body().get(1)).names().get(0).asName());
        assertEquals(2, ((Stmt.Assign) module.body().get(6)).targets().size());
        Stmt.ExprStmt update = (Stmt.ExprStmt) module.body().get(7);
        Expr.Call call = (Expr.Call) update.value();
        Expr.Call config = (Expr.Call) call.args().get(0);
        assertEquals("conn_max_age", config.keywords().get(0).name());
        assertEquals(new Expr.Num(new Location("settings.py", 9, 55), "500"), config.keywords().get(0).value());
        assertEquals(null, config.keywords().get(1).name());
        Stmt.AugAssign plus = (Stmt.AugAssign) module.body().get(8);
        assertEquals("+", plus.op());
        assertInstanceOf(Expr.Starred.class, ((Expr.ListExpr) plus.value()).items().get(1));
        assertInstanceOf(Stmt.AnnAssign.class, module.body().get(9));
        Expr.Str prefix = (Expr.Str) assignment(module, "PREFIX").value();
        assertTrue(prefix.formatted());
        assertTrue(prefix.value().startsWith("\\d+tail"));
    }

    @Test
    void locationsCountCodePointsAfterCharactersOutsideTheBasicPlane() {
        StringBuilder text = new StringBuilder("NAME = \"\uD83D\uDE80 launch\"\n");
        for (int i = 0; i < 2_000; i++) {
            text.append("A").append(i).append(" = \"\uD83D\uDE80\"; B").append(i).append(" = 1\n");
        }
        PythonModule module = PythonParser.parse(SourceFile.of("settings.py", text.toString()));
        assertEquals(4_001, module.body().size());
        Stmt last = module.body().get(4_000);
        assertEquals(new Location("settings.py", 2_001, 14), last.at(), "column 14 in code points (15 in UTF-16 units)");
    }

    @Test
    void compoundStatementsKeepTheirBodies() {
        PythonModule module = parse("""
                if DEBUG:
                    A = 1
                elif os.environ.get("X"):
                    A = 2
                else:
                    A = 3
                try:
                    from .local import *
                except ImportError:
                    pass
                @decorator
                def f(x, *args, y: int = 2, **kwargs) -> None:
                    return x
                class C(Base, metaclass=M):
                    B = 1
                with open("f") as a, open("g") as b:
                    C = 1
                for i in range(3):
                    D = i
                """);
        assertEquals(List.of(), module.problems());
        Stmt.If chain = (Stmt.If) module.body().get(0);
        Stmt.If elif = (Stmt.If) chain.orElse().get(0);
        assertInstanceOf(Stmt.Assign.class, elif.orElse().get(0));
        Stmt.Try attempt = (Stmt.Try) module.body().get(1);
        assertInstanceOf(Stmt.ImportFrom.class, attempt.body().get(0));
        assertEquals("f", ((Stmt.FunctionDef) module.body().get(2)).name());
        assertEquals(new Location("settings.py", 12, 1), module.body().get(2).at());
        assertEquals("C", ((Stmt.ClassDef) module.body().get(3)).name());
        assertEquals(2, ((Stmt.With) module.body().get(4)).items().size());
        assertInstanceOf(Stmt.Loop.class, module.body().get(5));
    }

    @Test
    void modernSyntaxParses() {
        PythonModule module = parse("""
                type Point = tuple[float, float]
                match command.split():
                    case [action, *rest] if rest:
                        A = 1
                    case _:
                        A = 2
                if (n := len(a)) > 10:
                    pass
                async def f():
                    await g()
                def h[T](x: T) -> T: return x
                x = lambda a, /, b: a + b ** -1
                y = [i for i in range(3) if i] + list({k: v for k, v in d.items()})
                z = a if b else c
                print(f"{x!r:>10}", sep='')
                """);
        assertEquals(List.of(), module.problems());
        assertInstanceOf(Stmt.If.class, module.body().get(1), "a match statement becomes conditional ifs");
    }

    static Stream<String> validPython312() {
        return Stream.of(
                "def numbers():\n    yield 1\n",
                "def numbers():\n    yield\n",
                "def chained():\n    yield from range(3)\n",
                "def received():\n    x = yield\n    y = yield 1, 2\n",
                "def parenthesised():\n    print((yield))\n",
                "if (n := len(a)) > 10:\n    pass\n",
                "values = [y for x in data if (y := f(x))]\n",
                "match point:\n    case Point(x=0, y=0):\n        pass\n    case {'k': v, **rest}:\n        pass\n    case [1, 2] | [3, 4]:\n        pass\n",
                "s = f\"{x!r:>{width}}\"\n",
                "s = f\"{', '.join(names)}\"\n",
                "s = f'{d[\"k\"]}'\n",
                "s = f\"{'\\n'.join(lines)}\"\n",
                "type Pair[T] = tuple[T, T]\n",
                "@buttons[0].clicked.connect\ndef handler():\n    pass\n",
                "@(lambda f: f)\ndef g():\n    pass\n",
                "async def f():\n    async with a as b:\n        await c\n    async for x in y:\n        pass\n    return [z async for z in w]\n",
                "def f():\n    return *a, *b\n",
                "x = d[*keys]\n",
                "try:\n    pass\nexcept* ValueError as group:\n    pass\n",
                "def f(a, b, /, c, *, d=1, **kw):\n    pass\n",
                "f = lambda x=1, *args, y, **kw: x\n",
                "global_names = {*a, *b}\n",
                "print(*args, sep='', **kw)\n",
                "x = not a in b\n",
                "x = [*range(3)]\n",
                "for x, *rest in pairs:\n    pass\n",
                "with (open(a) as f, open(b) as g):\n    pass\n",
                "class C(Base, metaclass=Meta):\n    x: int\n",
                "n = 1_000_000 + 0o17 + 0b1 + 1e-3j\n",
                "del a[0], b.c\n",
                "assert x, 'message'\n",
                "y = x[..., ::2]\n",
                "merged = {**a, 'b': 1}\n",
                "*a, b = c\n",
                "print(f\"{x=}\")\n",
                "type = 'postgres'\n",
                "match = re.match(p, s)\n",
                "match(x)\n",
                "case = 1\n",
                "print(match, type, case)\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPython312")
    void validPython312ParsesWithoutProblems(String source) {
        assertEquals(List.of(), parse(source).problems());
    }

    @Test
    void recoversAfterAnInvalidLine() {
        PythonModule module = parse("A = 1\nB = = 2\nC = 3\n");
        assertEquals(1, module.problems().size());
        assertEquals(2, module.problems().get(0).location().line());
        assertEquals(1, assignment(module, "A").at().line());
        assertEquals(3, assignment(module, "C").at().line());
    }

    @Test
    void reportsUnterminatedStringsAndBadCharacters() {
        PythonModule string = parse("A = 'oops\nB = 2\n");
        assertTrue(string.problems().get(0).message().contains("unterminated string"), string.problems().toString());
        PythonModule triple = parse("A = 1\nB = \"\"\"never closed\nC = 3\n");
        assertFalse(triple.problems().isEmpty());
        assertEquals(1, assignment(triple, "A").at().line());
        PythonModule character = parse("A = 1 $ 2\n");
        assertTrue(character.problems().get(0).message().contains("invalid character `$`"), character.problems().toString());
    }

    @Test
    void hostileInputTerminatesWithoutThrowing() {
        String deep = "X = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n";
        assertFalse(parse(deep).problems().isEmpty());
        String deepList = "X = " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";
        parse(deepList);
        assertTrue(parse("").body().isEmpty());
        assertTrue(parse("# only a comment\n\n   # another\n").problems().isEmpty());
        parse("\u0000\u0001\u00ff\ufffd garbage ((( ]]] '''\n");
        parse("def f(:\n\tpass\n  x = 1\n");
        parse("A = (\n");
        parse("if x:\n");
        parse("\\");
    }

    @Test
    void lineEndingsAndTabsKeepLocationsRight() {
        PythonModule crlf = parse("A = 1\r\n\r\nif A:\r\n\tB = 'x'\r\n");
        assertEquals(List.of(), crlf.problems());
        Stmt.If test = (Stmt.If) crlf.body().get(1);
        assertEquals(new Location("settings.py", 4, 2), test.body().get(0).at());
        PythonModule cr = parse("A = 1\rB = 2\r");
        assertEquals(List.of(), cr.problems());
        assertEquals(2, assignment(cr, "B").at().line());
        PythonModule astral = parse("A = '\uD83D\uDE00'; B = 2\n");
        assertEquals(new Location("settings.py", 1, 10), assignment(astral, "B").at());
    }
}
