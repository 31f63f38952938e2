package dev.deploylint.parse.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.deploylint.source.Location;
import dev.deploylint.source.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON file: its root value with locations, or the syntax problem that stopped parsing.
 * Nesting deeper than {@link #MAX_DEPTH} is reported as a problem, not followed.
 */
public record JsonDocument(SourceFile file, Json root, Problem problem) {

    static final int MAX_DEPTH = 500;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** Where and why a JSON file does not parse. */
    public record Problem(Location location, String message) {
    }

    public boolean isValid() {
        return problem == null;
    }

    /** Parses {@code file}; never throws. */
    public static JsonDocument parse(SourceFile file) {
        try (JsonParser parser = FACTORY.createParser(file.text())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new JsonDocument(file, null, new Problem(file.start(), "the file is empty; it must hold a JSON value"));
            }
            Json root = read(parser, file);
            if (parser.nextToken() != null) {
                return new JsonDocument(file, null, new Problem(locate(file, parser.currentTokenLocation()),
                        "unexpected content after the end of the JSON value"));
            }
            return new JsonDocument(file, root, null);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            return new JsonDocument(file, null, new Problem(locate(file, where), cleanMessage(e)));
        } catch (IOException e) {
            return new JsonDocument(file, null, new Problem(file.start(), "cannot be read: " + e.getMessage()));
        }
    }

    private static Json read(JsonParser parser, SourceFile file) throws IOException {
        Location at = locate(file, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Json.Member> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    Location keyAt = locate(file, parser.currentTokenLocation());
                    String key = parser.currentName();
                    parser.nextToken();
                    members.put(key, new Json.Member(keyAt, key, read(parser, file)));
                }
                return new Json.JObject(at, members);
            }
            case START_ARRAY -> {
                List<Json> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, file));
                }
                return new Json.JArray(at, items);
            }
            case VALUE_STRING -> {
                return new Json.JString(at, parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Json.JNumber(at, parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Json.JBoolean(at, token == JsonToken.VALUE_TRUE);
            }
            default -> {
                return new Json.JNull(at);
            }
        }
    }

    private static Location locate(SourceFile file, JsonLocation where) {
        if (where == null || where.getLineNr() < 1) {
            return file.start();
        }
        int line = Math.min(where.getLineNr(), file.lineCount());
        int column = Math.max(where.getColumnNr(), 1);
        return file.at(line, Math.min(column - 1, file.line(line).length()));
    }

    private static String cleanMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "invalid JSON";
        }
        int cut = message.indexOf('\n');
        message = cut < 0 ? message : message.substring(0, cut);
        return "invalid JSON: " + withoutParserOptions(message).replace("Unexpected character", "unexpected character");
    }

    /**
     * Jackson's messages name its own switches ("Feature 'ALLOW_COMMENTS' not enabled",
     * "enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"), which mean nothing to a user:
     * Heroku's JSON parsers have no such switches. They are replaced by what JSON allows.
     */
    static String withoutParserOptions(String message) {
        String hint = message.contains("ALLOW_COMMENTS") ? "; JSON allows no comments"
                : message.contains("ALLOW_SINGLE_QUOTES") ? "; JSON strings and names take double quotes"
                : message.contains("ALLOW_NON_NUMERIC_NUMBERS") ? "; JSON has no NaN or Infinity"
                : message.contains("ALLOW_TRAILING_COMMA") ? "; JSON allows no trailing comma"
                : message.contains("ALLOW_UNQUOTED_FIELD_NAMES") ? "; JSON names take double quotes" : "";
        String cleaned = message
                .replaceAll("\\s*\\([^()]*(?:Feature|ALLOW_)[^()]*\\)", "")
                .replaceAll(":?\\s*(?:enable|set) `?[A-Za-z.]*ALLOW_[A-Z_]+`?[^;:]*", "")
                .replaceAll("[A-Za-z.]*(?:JsonReadFeature|JsonParser\\.Feature)\\.[A-Z_]+", "JSON")
                .strip();
        return cleaned + hint;
    }
}
