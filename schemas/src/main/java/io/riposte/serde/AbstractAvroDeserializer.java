package io.riposte.serde;

import io.riposte.registry.SchemaRegistryClient;
import io.riposte.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Confluent-wire-format deserializer; subclasses say how to read with a given writer schema. */
abstract class AbstractAvroDeserializer<T> implements Deserializer<T> {
    private final SchemaRegistryClient injected;
    private SerdeConfig config;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    AbstractAvroDeserializer(SchemaRegistryClient client) {
        this.injected = client;
        AvroTrust.ensure();
    }

    /** A reader resolving data written with {@code writer} to the type this deserializer returns. */
    abstract DatumReader<T> newReader(Schema writer);

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = SerdeConfig.of(configs, isKey, injected);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("Avro deserializer used before configure()");
        }
        int id = WireFormat.schemaId(topic, data);
        DatumReader<T> reader = readers.get(id);
        if (reader == null) {
            Schema writer;
            try {
                // An outage is waited out here (bounded); only an answer from the registry can make the record bad.
                writer = RegistryWait.bounded(() -> config.client.schemaById(id), config.outageWaitMs,
                        "Cannot deserialize record from topic '" + topic + "' (schema id " + id + ")");
            } catch (SchemaRegistryException.NotFound e) {
                throw new SerializationException("Cannot deserialize record from topic '" + topic + "': schema id " + id
                        + " is unknown to the registry (" + e.getMessage() + ")", e);
            } catch (SchemaRegistryException e) {
                throw new SerializationException("Cannot deserialize record from topic '" + topic + "': fetching schema id "
                        + id + " failed: " + e.getMessage(), e);
            }
            reader = newReader(writer);
            readers.put(id, reader);
        }
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                data.length - WireFormat.HEADER_SIZE, null);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode Avro record (schema id " + id + ") from topic '" + topic
                    + "': " + e, e);
        }
    }

    @Override
    public void close() {
        if (config != null && injected == null) {
            config.client.close();
        }
    }
}
