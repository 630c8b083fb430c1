package io.riposte.local.registry;

/**
 * One persisted registry fact: a schema version ({@code schema != null}) or a compatibility setting
 * ({@code level != null}; {@code subject} null = global). Entries are immutable and replayed in order.
 */
public record StoreEntry(String subject, int version, int id, String schema, String level) {
    public static StoreEntry schema(String subject, int version, int id, String schema) {
        return new StoreEntry(subject, version, id, schema, null);
    }

    public static StoreEntry config(String subject, String level) {
        return new StoreEntry(subject, 0, 0, null, level);
    }

    public boolean isSchema() {
        return schema != null;
    }
}
