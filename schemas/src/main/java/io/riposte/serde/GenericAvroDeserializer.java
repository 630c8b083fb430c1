package io.riposte.serde;

import io.riposte.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;

/**
 * Reads Confluent-framed Avro records as {@link GenericRecord}s: with the writer's schema, or resolved
 * to a fixed reader schema when one is given.
 */
public class GenericAvroDeserializer extends AbstractAvroDeserializer<GenericRecord> {
    private final Schema readerSchema;

    public GenericAvroDeserializer() {
        this(null, null);
    }

    /** {@code readerSchema} null = read with each record's writer schema. */
    public GenericAvroDeserializer(Schema readerSchema, SchemaRegistryClient client) {
        super(client);
        this.readerSchema = readerSchema;
    }

    @Override
    DatumReader<GenericRecord> newReader(Schema writer) {
        return new GenericDatumReader<>(writer, readerSchema == null ? writer : readerSchema);
    }
}
