package io.riposte.serde;

import io.riposte.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka {@link Serde} for {@link GenericRecord}s over a Confluent-compatible registry. */
public class GenericAvroSerde implements Serde<GenericRecord> {
    private final GenericAvroSerializer<GenericRecord> serializer;
    private final GenericAvroDeserializer deserializer;

    public GenericAvroSerde() {
        this(null);
    }

    /** Uses {@code client} for both directions (not closed by this serde). */
    public GenericAvroSerde(SchemaRegistryClient client) {
        this.serializer = client == null ? new GenericAvroSerializer<>() : new GenericAvroSerializer<>(client);
        this.deserializer = new GenericAvroDeserializer(null, client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<GenericRecord> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<GenericRecord> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
