package io.riposte.serde;

import io.riposte.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumWriter;

/** Writes any Avro {@link GenericContainer} (generic or specific record, enum, fixed) in the Confluent wire format. */
public class GenericAvroSerializer<T extends GenericContainer> extends AbstractAvroSerializer<T> {
    public GenericAvroSerializer() {
        super(null);
    }

    public GenericAvroSerializer(SchemaRegistryClient client) {
        super(client);
    }

    @Override
    Schema schemaOf(T record) {
        return record.getSchema();
    }

    @Override
    DatumWriter<T> newWriter(Schema schema) {
        return new GenericDatumWriter<>(schema);
    }
}
