package dev.deploylint.parse.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringLiteralIndexTest {

    private static List<Expr.Str> literals(String text) {
        return StringLiteralIndex.of(PythonParser.parse(SourceFile.of("settings.py", text)));
    }

    @Test
    void adjacentLiteralsKeepTheirPartsAndAMissingCommaShows() {
        List<Expr.Str> found = literals("""
                INSTALLED_APPS = [
                    "django.contrib.staticfiles"
                    "food",
                    'blog',
                ]
                """);
        assertEquals(2, found.size());
        Expr.Str joined = found.get(0);
        assertEquals("django.contrib.staticfilesfood", joined.value());
        assertEquals(List.of("django.contrib.staticfiles", "food"), joined.parts());
        assertTrue(joined.concatenated());
        assertEquals(new Location("settings.py", 2, 5), joined.at());
        assertFalse(found.get(1).concatenated());
        assertEquals(List.of("blog"), found.get(1).parts());
    }

    @Test
    void findsLiteralsInEveryStatementAndExpressionButNotFormattedOrBytes() {
        List<String> values = literals("""
                import os
                if os.environ.get("A"):
                    X = {"k": ["v", ("t",)]}
                else:
                    X = f"{os.sep}x" + b"raw".decode()
                try:
                    Y = call(key="kw") or not "neg"
                except ImportError:
                    Z = ["h"]
                def f():
                    return "in-function"
                class C:
                    label = "in-class"
                """).stream().map(Expr.Str::value).toList();
        assertEquals(List.of("A", "k", "v", "t", "kw", "neg", "h", "in-class"), values);
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        String nested = "[".repeat(3000) + "\"deep\"" + "]".repeat(3000);
        List<Expr.Str> found = literals("X = " + nested + "\n");
        assertTrue(found.size() <= 1);
    }
}
