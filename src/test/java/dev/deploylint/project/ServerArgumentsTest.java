package dev.deploylint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.Location;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerArgumentsTest {

    private static ServerArguments parse(String command) {
        ProcessCommand.Invocation invocation = ProcessCommand.parse(command, offset -> new Location("Procfile", 1, offset + 1))
                .invocations().get(0);
        return ServerArguments.parse(invocation.args(), Set.of("--preload"));
    }

    @Test
    void keepsEveryRepeatedOptionInOrder() {
        ServerArguments args = parse("gunicorn --bind 127.0.0.1:9000 --preload --bind=0.0.0.0:$PORT app.wsgi");
        assertEquals(List.of("127.0.0.1:9000", "0.0.0.0:$PORT"),
                args.values("--bind", "-b").stream().map(ProcessCommand.Word::text).toList());
        assertEquals("0.0.0.0:$PORT", args.option("--bind").orElseThrow().text());
        assertTrue(args.values("--bind").get(1).variable());
        assertEquals(List.of("app.wsgi"), args.positionals().stream().map(ProcessCommand.Word::text).toList());
    }

    @Test
    void findLocatesTheOptionWordItself() {
        ServerArguments args = parse("gunicorn app.wsgi --log-file - --log-file=-");
        ServerArguments.Option first = args.find("--log-file").orElseThrow();
        assertEquals("--log-file", first.word().text());
        assertEquals(new Location("Procfile", 1, 19), first.word().at());
        assertEquals("-", first.value().text());
        assertEquals(new Location("Procfile", 1, 32), args.given().get(1).word().at());
        assertEquals("-", args.given().get(1).value().text());
    }
}
