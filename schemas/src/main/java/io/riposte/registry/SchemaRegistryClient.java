package io.riposte.registry;

import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry REST API that Riposte needs. Implementations must be
 * thread-safe; {@link HttpSchemaRegistryClient} caches immutable answers so warm serdes make no calls.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** Looks up the id of {@code schema} already registered under {@code subject}. */
    int lookup(String subject, Schema schema);

    /** The schema with this global id. */
    Schema schemaById(int id);

    /** The latest version registered under {@code subject}. */
    SchemaMetadata latest(String subject);

    /** Whether {@code schema} is compatible with the latest version of {@code subject} under its level. */
    boolean isCompatible(String subject, Schema schema);

    /** The compatibility level of {@code subject}, or the global one when {@code subject} is null. */
    String compatibility(String subject);

    /** Sets the compatibility level of {@code subject}, or the global one when {@code subject} is null. */
    void setCompatibility(String subject, String level);

    @Override
    default void close() {}
}
