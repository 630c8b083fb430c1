package io.riposte.consumer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The writing side of {@link DyadSink}: sends a dyad's JSON to {@code dyads} and its Avro twin to
 * {@code dyads-avro} only when the bytes differ from what the topic holds, and a tombstone only for a
 * dyad the topic holds. It remembers what each topic holds (read back at start, then what it sent), so a
 * restart or a repeated update writes nothing unchanged. Not thread-safe: the sink calls it under its lock.
 */
final class DyadSinkWriter {

    private final String jsonTopic;
    private final String avroTopic;
    private final Map<String, String> writtenJson = new HashMap<>();
    /** What dyads-avro holds per dyad, in wire format, so a restart rewrites nothing unchanged there either. */
    private final Map<String, byte[]> writtenAvro = new HashMap<>();

    DyadSinkWriter(String jsonTopic, String avroTopic) {
        this.jsonTopic = jsonTopic;
        this.avroTopic = avroTopic;
    }

    /** Records what a sink topic already holds for a dyad (null value: a tombstone), read back at start. */
    void remember(String topic, String dyad, byte[] value) {
        boolean json = topic.equals(jsonTopic);
        if (value == null) {
            (json ? writtenJson : writtenAvro).remove(dyad);
        } else if (json) {
            writtenJson.put(dyad, new String(value, StandardCharsets.UTF_8));
        } else {
            writtenAvro.put(dyad, value);
        }
    }

    /** The dyads either sink topic holds a record for. */
    Set<String> heldDyads() {
        Set<String> held = new HashSet<>(writtenJson.keySet());
        held.addAll(writtenAvro.keySet());
        return held;
    }

    /** Sends the dyad's JSON (null: the dyad is gone) if the topic holds something else; returns the records sent (0 or 1). */
    int writeJson(Producer<String, byte[]> producer, String dyad, String json) {
        if (Objects.equals(json, writtenJson.get(dyad)) || (json == null && !writtenJson.containsKey(dyad))) {
            return 0;
        }
        producer.send(new ProducerRecord<>(jsonTopic, dyad, json == null ? null : json.getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            writtenJson.remove(dyad);
        } else {
            writtenJson.put(dyad, json);
        }
        return 1;
    }

    /** Sends the dyad's Avro bytes (null: the dyad is gone) if the topic holds other bytes; returns the records sent (0 or 1). */
    int writeAvro(Producer<String, byte[]> producer, String dyad, byte[] avro) {
        if (Arrays.equals(avro, writtenAvro.get(dyad)) || (avro == null && !writtenAvro.containsKey(dyad))) {
            return 0;
        }
        producer.send(new ProducerRecord<>(avroTopic, dyad, avro));
        if (avro == null) {
            writtenAvro.remove(dyad);
        } else {
            writtenAvro.put(dyad, avro);
        }
        return 1;
    }
}
