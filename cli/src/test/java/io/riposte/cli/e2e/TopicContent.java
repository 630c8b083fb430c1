package io.riposte.cli.e2e;

import io.riposte.local.junit.CommittedRecords;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Everything committed on a topic, read once from the beginning with read_committed. */
public final class TopicContent {
    private TopicContent() {}

    static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic) {
        return read(Map.of("bootstrap.servers", bootstrap), topic);
    }

    /** As {@link #read(String, String)} with any client settings (e.g. SASL on a secured cluster). */
    public static List<ConsumerRecord<String, byte[]>> read(Map<String, Object> clientConfig, String topic) {
        return CommittedRecords.read(clientConfig, topic);
    }

    /** The last value per key with tombstones applied: what a compacted topic converges to. */
    static Map<String, byte[]> latest(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, byte[]> m = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                m.remove(r.key());
            } else {
                m.put(r.key(), r.value());
            }
        }
        return m;
    }
}
