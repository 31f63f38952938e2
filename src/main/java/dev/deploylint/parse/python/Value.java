package dev.deploylint.parse.python;

import java.util.List;

/**
 * What deploylint knows about the value of a Python expression without running it: a constant,
 * a path inside the app, a read of an environment variable, a reference to an imported name, the
 * result of a call it does not model, or nothing at all.
 */
public sealed interface Value {

    record Str(String value) implements Value {
    }

    /** A number, as written. */
    record Num(String text) implements Value {
    }

    record Bool(boolean value) implements Value {
    }

    record NoneValue() implements Value {
    }

    /** A list, tuple or set display, or the result of combining them. */
    record Seq(Kind kind, List<Value> items) implements Value {
        public enum Kind { LIST, TUPLE, SET }
    }

    /** A dict; keys are values too (usually {@link Str}). */
    record Dict(List<Entry> entries) implements Value {
        public Value get(String key) {
            Value found = null;
            for (Entry entry : entries) {
                if (entry.key() instanceof Str s && s.value().equals(key)) {
                    found = entry.value();
                }
            }
            return found;
        }
    }

    record Entry(Value key, Value value) {
    }

    /**
     * A filesystem path inside the app, relative to the app root with '/' separators ("" is the
     * root), built from {@code __file__} with os.path or pathlib.
     */
    record PathValue(String path) implements Value {
    }

    /**
     * The value of environment variable {@code name}; {@code fallback} is its default, or null when it
     * has none. {@code cast} is what the reader turns the text into; {@code optional} is true when an
     * unset variable without a default reads as None ({@code os.environ.get}, {@code os.getenv})
     * rather than failing.
     */
    record EnvRead(String name, Value fallback, Cast cast, boolean optional) implements Value {

        /** What a reader makes of the variable's text. */
        public enum Cast { TEXT, BOOL, OTHER }

        /** A text read that fails when the variable is unset and has no default. */
        public EnvRead(String name, Value fallback) {
            this(name, fallback, Cast.TEXT, false);
        }

        /** The value while the variable is unset: the default, None, or null when the read fails. */
        public Value whenUnset() {
            return fallback != null ? fallback : optional ? NONE : null;
        }
    }

    /**
     * A value computed from environment variable {@code variable} ({@code os.getenv("DEBUG") != "False"},
     * {@code not os.getenv("PRODUCTION")}, {@code A if os.getenv("X") else B}): {@code whenUnset} is
     * the value while the variable is unset, and {@code change} says, for people, which values of the
     * variable give another value ("`False`", "any value but `True`", "any non-empty value").
     */
    record EnvDerived(String variable, Value whenUnset, String change) implements Value {
    }

    /** An imported module, class or function, by qualified name ({@code os.path.join}). */
    record Ref(String qualifiedName) implements Value {
    }

    /** The result of calling {@code qualifiedName}, which deploylint does not evaluate. */
    record CallResult(String qualifiedName, Expr.Call call) implements Value {
    }

    /**
     * One of several values, depending on a branch deploylint cannot decide (an {@code if} on an
     * environment variable, a {@code try} that may fail).
     */
    record OneOf(List<Value> options) implements Value {

        /** The distinct options of {@code a} and {@code b}, flattened; a single option stands alone. */
        public static Value of(Value a, Value b) {
            java.util.LinkedHashSet<Value> options = new java.util.LinkedHashSet<>();
            for (Value value : List.of(a, b)) {
                if (value instanceof OneOf one) {
                    options.addAll(one.options());
                } else {
                    options.add(value);
                }
            }
            return options.size() == 1 ? options.iterator().next() : new OneOf(List.copyOf(options));
        }
    }

    /** Nothing is known. */
    record Unknown() implements Value {
    }

    Value UNKNOWN = new Unknown();
    Value NONE = new NoneValue();

    /** True for values that are definitely falsy in Python: None, False, 0, "" and empty containers. */
    static boolean isFalsy(Value value) {
        if (value instanceof OneOf one) {
            return one.options().stream().allMatch(Value::isFalsy);
        }
        if (value instanceof NoneValue) {
            return true;
        }
        if (value instanceof Bool b) {
            return !b.value();
        }
        if (value instanceof Str s) {
            return s.value().isEmpty();
        }
        if (value instanceof Num n) {
            return isZero(n.text());
        }
        if (value instanceof Seq s) {
            return s.items().isEmpty();
        }
        return value instanceof Dict d && d.entries().isEmpty();
    }

    /** True for number literals {@code 0}, {@code 00}, {@code 0.} and {@code 0.0}. */
    private static boolean isZero(String number) {
        int dot = number.indexOf('.');
        String whole = dot < 0 ? number : number.substring(0, dot);
        String fraction = dot < 0 ? "" : number.substring(dot + 1);
        return !whole.isEmpty() && whole.chars().allMatch(c -> c == '0') && fraction.chars().allMatch(c -> c == '0');
    }

    /**
     * The truth of a value that depends on one environment variable, while that variable is unset, as
     * an {@link EnvDerived} holding a {@link Bool} and the values of the variable that flip it; null
     * when the value does not depend on one variable this way or the read fails while it is unset.
     */
    static EnvDerived envTruth(Value value) {
        if (value instanceof EnvDerived derived) {
            Boolean truth = truth(derived.whenUnset());
            return truth == null ? null : new EnvDerived(derived.variable(), new Bool(truth), derived.change());
        }
        if (!(value instanceof EnvRead env) || env.whenUnset() == null) {
            return null;
        }
        Value unset = env.whenUnset();
        if (env.cast() == EnvRead.Cast.TEXT) {
            Boolean truth = truth(unset);
            return truth == null ? null : new EnvDerived(env.name(), new Bool(truth), truth ? "an empty value" : "any non-empty value");
        }
        if (env.cast() == EnvRead.Cast.BOOL) {
            // a bool reader parses the text; django-environ and environs return a default as given
            Boolean truth = unset instanceof Str text ? boolWord(text.value()) : truth(unset);
            return truth == null ? null : new EnvDerived(env.name(), new Bool(truth), truth ? "`False`" : "`True`");
        }
        return null;
    }

    /** What distutils' strtobool makes of a word: TRUE for y/yes/t/true/on/1, FALSE for n/no/f/false/off/0, else null. */
    static Boolean boolWord(String word) {
        String w = word.strip().toLowerCase(java.util.Locale.ROOT);
        if (List.of("y", "yes", "t", "true", "on", "1").contains(w)) {
            return Boolean.TRUE;
        }
        return List.of("n", "no", "f", "false", "off", "0").contains(w) ? Boolean.FALSE : null;
    }

    /** The truth of a value when it is certain: TRUE, FALSE, or null when it depends. */
    static Boolean truth(Value value) {
        if (isFalsy(value)) {
            return Boolean.FALSE;
        }
        if (value instanceof Bool || value instanceof Str || value instanceof Num || value instanceof Seq || value instanceof Dict
                || value instanceof PathValue) {
            return Boolean.TRUE;
        }
        if (value instanceof OneOf one && one.options().stream().allMatch(v -> Boolean.TRUE.equals(truth(v)))) {
            return Boolean.TRUE;
        }
        return null;
    }
}
