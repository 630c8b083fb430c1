package io.riposte.serde;

import io.riposte.registry.SchemaRegistryClient;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads Confluent-framed Avro into a generated class. The reader schema is the class's own, so data
 * written with an older or newer compatible schema is resolved by Avro's schema resolution.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> extends AbstractAvroDeserializer<T> {
    private final Schema readerSchema;

    public SpecificAvroDeserializer(Class<T> type) {
        this(type, null);
    }

    /** Uses {@code client} (not closed by this deserializer). */
    public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient client) {
        super(client);
        this.readerSchema = SpecificData.get().getSchema(Objects.requireNonNull(type, "type"));
    }

    @Override
    DatumReader<T> newReader(Schema writer) {
        return new SpecificDatumReader<>(writer, readerSchema);
    }
}
