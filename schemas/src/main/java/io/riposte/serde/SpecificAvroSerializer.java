package io.riposte.serde;

import io.riposte.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Writes generated Avro classes in the Confluent wire format, registering their schema (cached). */
public class SpecificAvroSerializer<T extends SpecificRecord> extends AbstractAvroSerializer<T> {
    /** Builds its registry client from {@code schema.registry.url} and friends in {@link #configure}. */
    public SpecificAvroSerializer() {
        super(null);
    }

    /** Uses {@code client} (not closed by this serializer). */
    public SpecificAvroSerializer(SchemaRegistryClient client) {
        super(client);
    }

    @Override
    Schema schemaOf(T record) {
        return record.getSchema();
    }

    @Override
    DatumWriter<T> newWriter(Schema schema) {
        return new SpecificDatumWriter<>(schema, CustomCoders.forSchema(schema));
    }
}
