package io.riposte.correlation;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a store holds in one key range, as a copy kept in step with the writes made through it: a cached
 * episode's actions or chains, so that the next insert into the episode diffs against them without reading
 * them back (on RocksDB, decoding every action of the episode with all its evidence). Exact only while
 * every write to the range goes through {@link #put} and {@link #delete}; {@link Correlator} keeps it with
 * the episode it caches, which only an insert into the same dyad can touch, and such an insert takes the
 * dyad's episodes out of the cache first.
 */
final class StoredRange<V> {

    private final String from;
    private String to;
    private final TreeMap<String, V> entries;

    private StoredRange(String from, String to, TreeMap<String, V> entries) {
        this.from = from;
        this.to = to;
        this.entries = entries;
    }

    /** The range [from, to) as the store holds it now. */
    static <V> StoredRange<V> read(SortedStore<V> store, String from, String to) {
        TreeMap<String, V> entries = new TreeMap<>();
        for (Map.Entry<String, V> e : store.range(from, to)) {
            entries.put(e.getKey(), e.getValue());
        }
        return new StoredRange<>(from, to, entries);
    }

    String to() {
        return to;
    }

    boolean covers(String from, String to) {
        return this.from.equals(from) && this.to.equals(to);
    }

    /** The entries in key order, as {@link SortedStore#range} lists them. */
    Iterable<Map.Entry<String, V>> entries() {
        return entries.entrySet();
    }

    /** Writes through to the store and to this copy. */
    void put(SortedStore<V> store, String key, V value) {
        store.put(key, value);
        if (inside(key)) {
            entries.put(key, value);
        }
    }

    void delete(SortedStore<V> store, String key) {
        store.delete(key);
        if (inside(key)) {
            entries.remove(key);
        }
    }

    /** The part of this copy within [from, to); null when that range is not inside this one (then it is not known). */
    StoredRange<V> narrowed(String from, String to) {
        if (covers(from, to)) {
            return this;
        }
        if (from.compareTo(this.from) < 0 || to.compareTo(this.to) > 0) {
            return null;
        }
        return new StoredRange<>(from, to, new TreeMap<>(from.compareTo(to) >= 0 ? Map.of() : entries.subMap(from, to)));
    }

    /**
     * This copy grown to the right to end at {@code to}, reading only the added part from the store; null
     * when {@code to} lies before this range's end. This copy is not to be used afterwards.
     */
    StoredRange<V> extendedTo(SortedStore<V> store, String to) {
        int c = to.compareTo(this.to);
        if (c < 0) {
            return null;
        }
        for (Map.Entry<String, V> e : store.range(this.to, to)) {
            entries.put(e.getKey(), e.getValue());
        }
        this.to = to;
        return this;
    }

    /** Whether the key lies in this range (then its writes must go through {@link #put} and {@link #delete}). */
    boolean holds(String key) {
        return inside(key);
    }

    private boolean inside(String key) {
        return key.compareTo(from) >= 0 && key.compareTo(to) < 0;
    }
}
