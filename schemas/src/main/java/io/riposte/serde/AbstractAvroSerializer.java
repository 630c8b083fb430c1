package io.riposte.serde;

import io.riposte.registry.SchemaMetadata;
import io.riposte.registry.SchemaRegistryClient;
import io.riposte.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Confluent-wire-format serializer; subclasses say how to get a record's schema and a datum writer. */
abstract class AbstractAvroSerializer<T> implements Serializer<T> {
    private final SchemaRegistryClient injected;
    private SerdeConfig config;
    private boolean isKey;
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();
    private final Map<String, Integer> latestIds = new ConcurrentHashMap<>();

    AbstractAvroSerializer(SchemaRegistryClient client) {
        this.injected = client;
        AvroTrust.ensure();
    }

    abstract Schema schemaOf(T record);

    abstract DatumWriter<T> newWriter(Schema schema);

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = SerdeConfig.of(configs, isKey, injected);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null; // tombstones stay tombstones
        }
        if (config == null) {
            throw new IllegalStateException("Avro serializer used before configure()");
        }
        Schema schema = schemaOf(record);
        String subject = config.strategy.subject(topic, isKey, schema);
        int id;
        try {
            id = RegistryWait.bounded(() -> schemaId(subject, schema), config.outageWaitMs,
                    "Cannot serialize " + schema.getFullName() + " for topic '" + topic + "'");
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot serialize " + schema.getFullName() + " for topic '" + topic
                    + "' (subject '" + subject + "'): " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(WireFormat.header(id));
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writers.computeIfAbsent(schema, this::newWriter).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + schema.getFullName() + " for topic '" + topic + "': "
                    + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private int schemaId(String subject, Schema schema) {
        if (config.useLatestVersion) {
            Integer cached = latestIds.get(subject);
            if (cached != null) {
                return cached;
            }
            SchemaMetadata latest = config.client.latest(subject);
            if (!latest.schema().equals(schema)) {
                throw new SerializationException("use.latest.version=true but the record schema differs from version "
                        + latest.version() + " (id " + latest.id() + ") of subject '" + subject + "'");
            }
            latestIds.put(subject, latest.id());
            return latest.id();
        }
        return config.autoRegister ? config.client.register(subject, schema) : config.client.lookup(subject, schema);
    }

    @Override
    public void close() {
        if (config != null && injected == null) {
            config.client.close();
        }
    }
}
