package io.riposte.local.registry;

import java.util.List;

/** Where the local registry keeps its facts. Implementations need not be thread-safe: the registry serializes calls. */
public interface SchemaStore extends AutoCloseable {

    /** Entries written since the last call (by anyone), in order; the first call returns everything. */
    List<StoreEntry> readNew();

    /** Persists {@code entry} durably before returning; throws if it cannot. */
    void append(StoreEntry entry);

    @Override
    default void close() {}

    /** Keeps nothing: for tests that need a registry without Kafka. Ids restart at 1 with every registry. */
    static SchemaStore inMemory() {
        return new SchemaStore() {
            @Override
            public List<StoreEntry> readNew() {
                return List.of();
            }

            @Override
            public void append(StoreEntry entry) {}
        };
    }
}
