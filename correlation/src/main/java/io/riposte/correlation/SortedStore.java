package io.riposte.correlation;

import java.util.List;
import java.util.Map;

/**
 * A persistent sorted map, the only state correlation keeps. Keys compare as Java strings (they
 * are ASCII, so that is also UTF-8 byte order, as in RocksDB). Kafka Streams backs it with a
 * persistent KeyValueStore; tests and the command line back it with a TreeMap.
 */
public interface SortedStore<V> {

    V get(String key);

    void put(String key, V value);

    void delete(String key);

    /** Entries with {@code from <= key < to}, in key order. */
    List<Map.Entry<String, V>> range(String from, String to);

    /** Whether some key is within {@code from <= key < to}. Stores that can stop at the first entry should override this. */
    default boolean hasAny(String from, String to) {
        return !range(from, to).isEmpty();
    }
}
