package io.riposte.registry;

import org.apache.avro.Schema;

/** One registered version of a subject. */
public record SchemaMetadata(String subject, int version, int id, Schema schema) {}
