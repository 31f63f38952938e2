package dev.deploylint.parse.json;

import dev.deploylint.source.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A JSON value that remembers where it starts in its file, so rules can point at any value. */
public sealed interface Json {

    Location at();

    /** An object; members keep file order and the location of their key. */
    record JObject(Location at, Map<String, Member> members) implements Json {
        public Optional<Json> get(String key) {
            Member member = members.get(key);
            return member == null ? Optional.empty() : Optional.of(member.value());
        }
    }

    record Member(Location keyAt, String key, Json value) {
    }

    record JArray(Location at, List<Json> items) implements Json {
    }

    record JString(Location at, String value) implements Json {
    }

    /** A number as written in the file. */
    record JNumber(Location at, String text) implements Json {
    }

    record JBoolean(Location at, boolean value) implements Json {
    }

    record JNull(Location at) implements Json {
    }

    /** The string value of this node, if it is a string. */
    default Optional<String> asString() {
        return this instanceof JString s ? Optional.of(s.value()) : Optional.empty();
    }
}
