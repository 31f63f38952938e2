package dev.deploylint.parse.python;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The bounds of one evaluation, so that whatever a settings file holds its evaluation stays small
 * and quick: a value heavier than {@link #MAX_WEIGHT} becomes unknown, and once the evaluation has
 * done {@link #MAX_WORK} units of work (statements, expressions, copies of values and bindings) or
 * built values weighing {@link #MAX_BUILT} in all, everything after it is unknown. Without these,
 * {@code L += L} doubles memory on every line.
 *
 * <p>A value's weight is one per list, tuple, set, dict, entry and item, plus one per 100
 * characters of a string, counting shared parts as often as they occur: {@code L = [L, L]} weighs
 * twice as much as L, as comparing or hashing it costs. Weights are remembered per value, so each
 * is computed once, from its parts.
 */
final class EvaluationBudget {

    /** About 10,000 items, or a string of 1 MB. */
    static final long MAX_WEIGHT = 10_000;
    /** Well under a second of evaluation. */
    static final long MAX_WORK = 20_000_000;
    /** About 8 MB of references, or 100 MB of strings, kept at most. */
    static final long MAX_BUILT = 1_000_000;

    private final long maxWeight;
    private final long maxWork;
    private final long maxBuilt;
    private final Map<Value, Long> weights = new IdentityHashMap<>();
    private long work;
    private long built;

    EvaluationBudget() {
        this(MAX_WEIGHT, MAX_WORK, MAX_BUILT);
    }

    EvaluationBudget(long maxWeight, long maxWork, long maxBuilt) {
        this.maxWeight = maxWeight;
        this.maxWork = maxWork;
        this.maxBuilt = maxBuilt;
    }

    /** Records {@code units} of work; false once the budget is spent. */
    boolean spend(long units) {
        work += units;
        return !spent();
    }

    /** The units of work done so far. */
    long work() {
        return work;
    }

    boolean spent() {
        return work > maxWork || built > maxBuilt;
    }

    /** {@code value}, or unknown when it is too heavy; building it counts as work, and what it adds as built. */
    Value bounded(Value value) {
        long weight = weight(value);
        boolean text = value instanceof Value.Str || value instanceof Value.PathValue;
        long added = text ? weight : shallowSize(value);
        work += added;
        // The options of a branch merge are mostly replaced by the next merge: their copying is work, not kept memory.
        built += value instanceof Value.OneOf ? 0 : added;
        return weight > maxWeight ? Value.UNKNOWN : value;
    }

    /**
     * {@code result}, built by appending parts weighing {@code addedWeight} ({@code added} items or
     * entries) to {@code base}, or unknown when it is too heavy. Only what was appended counts as
     * work and as built, since {@code result} shares {@code base}'s items ({@link SharedList}), and its
     * weight is known without walking them: appending on every line stays linear.
     */
    Value appended(Value base, Value result, long added, long addedWeight) {
        long weight = capped(weight(base) + addedWeight);
        weights.put(result, weight);
        work += added;
        built += added;
        return weight > maxWeight ? Value.UNKNOWN : result;
    }

    /** Whether a value made of parts weighing {@code a} and {@code b} would be too heavy, before building it. */
    boolean tooHeavy(Value a, Value b) {
        return weight(a) + weight(b) > maxWeight;
    }

    long weight(Value value) {
        if (value instanceof Value.Str s) {
            return 1 + s.value().length() / 100;
        }
        if (value instanceof Value.PathValue p) {
            return 1 + p.path().length() / 100;
        }
        if (!(value instanceof Value.Seq || value instanceof Value.Dict || value instanceof Value.OneOf || value instanceof Value.EnvRead)) {
            return 1;
        }
        Long known = weights.get(value);
        if (known != null) {
            return known;
        }
        long total = 1;
        if (value instanceof Value.Seq seq) {
            for (Value item : seq.items()) {
                total = capped(total + weight(item));
            }
        } else if (value instanceof Value.Dict dict) {
            for (Value.Entry entry : dict.entries()) {
                total = capped(total + 1 + weight(entry.key()) + weight(entry.value()));
            }
        } else if (value instanceof Value.OneOf one) {
            for (Value option : one.options()) {
                total = capped(total + weight(option));
            }
        } else if (value instanceof Value.EnvRead read && read.fallback() != null) {
            total = capped(total + weight(read.fallback()));
        }
        weights.put(value, total);
        return total;
    }

    /** Past the limit the exact weight does not matter, and sums must not overflow. */
    private long capped(long weight) {
        return Math.min(weight, 2 * maxWeight + 1);
    }

    private static long shallowSize(Value value) {
        if (value instanceof Value.Seq seq) {
            return 1 + seq.items().size();
        }
        if (value instanceof Value.Dict dict) {
            return 1 + dict.entries().size();
        }
        return value instanceof Value.OneOf one ? 1 + one.options().size() : 1;
    }
}
