package dev.deploylint.parse.python;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list that shares one growing array with the list it was appended to, so a
 * settings file that appends to the same list on every line ({@code L += [...]},
 * {@code L.append(...)}, {@code D[k] = ...}) costs time in proportion to what it appends, not to
 * the length of the list times the number of lines. Each list sees a fixed prefix of the array;
 * only the newest list of a chain extends it in place, any other is copied first (as when a value
 * bound to two names is appended to through one of them).
 */
final class SharedList<E> extends AbstractList<E> implements RandomAccess {

    private static final class Store {
        private Object[] items;
        private int size;

        Store(int capacity) {
            items = new Object[Math.max(capacity, 4)];
        }
    }

    private final Store store;
    private final int length;

    private SharedList(Store store, int length) {
        this.store = store;
        this.length = length;
    }

    /** {@code base} followed by {@code more}, sharing {@code base}'s array when it is the newest list of its chain. */
    static <E> List<E> appended(List<E> base, List<? extends E> more) {
        Store store;
        if (base instanceof SharedList<E> shared && shared.length == shared.store.size) {
            store = shared.store;
        } else {
            store = new Store(base.size() + more.size());
            for (E item : base) {
                add(store, item);
            }
        }
        for (E item : more) {
            add(store, item);
        }
        return new SharedList<>(store, store.size);
    }

    private static void add(Store store, Object item) {
        if (store.size == store.items.length) {
            store.items = Arrays.copyOf(store.items, store.items.length * 2);
        }
        store.items[store.size++] = item;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (E) store.items[index];
    }

    @Override
    public int size() {
        return length;
    }
}
