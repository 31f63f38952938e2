package dev.deploylint.project;

import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvFileTest {

    private static Map<String, String> parse(String text, DotEnvFile.Dialect dialect) {
        Map<String, String> values = new LinkedHashMap<>();
        DotEnvFile.parse(SourceFile.of(".env", text), dialect).entries().forEach(e -> values.put(e.key(), e.value()));
        return values;
    }

    @Test
    void pythonDotenvSyntax() {
        String text = """
                # comment
                export DEBUG=True
                SECRET_KEY = 'a#b c'   # trailing comment
                NAME="line\\nnext \\"q\\""
                PLAIN=value # comment
                HASH=a#b
                EMPTY=
                NOEQUALS
                MULTI="one
                two"
                'QUOTED_KEY'=x
                BROKEN="unterminated
                """;
        Map<String, String> values = parse(text, DotEnvFile.Dialect.PYTHON_DOTENV);
        assertEquals("True", values.get("DEBUG"));
        assertEquals("a#b c", values.get("SECRET_KEY"));
        assertEquals("line\nnext \"q\"", values.get("NAME"));
        assertEquals("value", values.get("PLAIN"));
        assertEquals("a#b", values.get("HASH"));
        assertEquals("", values.get("EMPTY"));
        assertEquals("one\ntwo", values.get("MULTI"));
        assertEquals("x", values.get("QUOTED_KEY"));
        assertEquals(false, values.containsKey("NOEQUALS"));
        assertEquals(false, values.containsKey("BROKEN"));
    }

    @Test
    void locationsPointAtTheKey() {
        DotEnvFile file = DotEnvFile.parse(SourceFile.of("site/.env", "\n  export SECRET_KEY=x\n"), DotEnvFile.Dialect.PYTHON_DOTENV);
        assertEquals(new Location("site/.env", 2, 10), file.get("SECRET_KEY").orElseThrow().at());
    }

    @Test
    void djangoEnvironWantsNoSpaceBeforeTheEqualsSign() {
        Map<String, String> values = parse("DEBUG = True\nSECRET_KEY='abc' # c\nexport X=\"a\\\\b\"\nY=plain # c\n", DotEnvFile.Dialect.DJANGO_ENVIRON);
        assertEquals(false, values.containsKey("DEBUG"));
        assertEquals("abc", values.get("SECRET_KEY"));
        assertEquals("a\\b", values.get("X"));
        assertEquals("plain ", values.get("Y"));
    }

    @Test
    void decoupleSplitsAtTheFirstEqualsSignAndKeepsComments() {
        Map<String, String> values = parse("SECRET_KEY = '3j@-x=y'\nDEBUG = True # on\nexport A=1\n", DotEnvFile.Dialect.DECOUPLE);
        assertEquals("3j@-x=y", values.get("SECRET_KEY"));
        assertEquals("True # on", values.get("DEBUG"));
        assertEquals("1", values.get("export A"));
    }

    @Test
    void djangoEnvironSingleQuotesRunToTheLastQuoteBeforeAComment() {
        assertEquals("a'b", DotEnvFile.environValue("'a'b' # it's"));
        assertEquals("'a'b", DotEnvFile.environValue("'a'b"), "no closing quote before a comment: the value runs to '#'");
        assertEquals("x ", DotEnvFile.environValue("x # y"));
    }

    @Test
    void hostileLinesTakeLinearTime() {
        String blanks = "K=" + " ".repeat(2_000_000) + "x";
        String hashes = "K='" + "#".repeat(2_000_000);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            for (DotEnvFile.Dialect dialect : DotEnvFile.Dialect.values()) {
                parse(blanks, dialect);
                parse(hashes, dialect);
                parse("K=\"" + "\\\"".repeat(500_000), dialect);
            }
        });
    }

    @Test
    void theLastBindingWins() {
        DotEnvFile file = DotEnvFile.parse(SourceFile.of(".env", "DEBUG=True\nDEBUG=False\n"), DotEnvFile.Dialect.PYTHON_DOTENV);
        assertEquals("False", file.get("DEBUG").orElseThrow().value());
    }
}
