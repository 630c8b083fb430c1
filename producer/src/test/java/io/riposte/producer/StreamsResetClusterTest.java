package io.riposte.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.local.EmbeddedCluster;
import io.riposte.local.junit.EmbeddedClusterExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

/** Kafka's reset tool through {@link StreamsReset}, on a real broker. */
class StreamsResetClusterTest {
    @RegisterExtension
    static final EmbeddedClusterExtension CLUSTER = new EmbeddedClusterExtension();
    static EmbeddedCluster cluster;

    @BeforeAll
    static void start() {
        cluster = CLUSTER.cluster();
    }

    Map<String, Object> consumerConfig(String group) {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", cluster.bootstrapServers());
        c.put("group.id", group);
        c.put("auto.offset.reset", "earliest");
        c.put("enable.auto.commit", "false");
        return c;
    }

    /** A group that has read a topic to its end and committed, then left (as a stopped Streams app would). */
    void consumeAllAndCommit(String topic, String group, int expected) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig(group), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            int n = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (n < expected && System.nanoTime() < deadline) {
                n += c.poll(Duration.ofMillis(200)).count();
            }
            assertThat(n).isEqualTo(expected);
            c.commitSync();
        }
    }

    Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        try (Admin a = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            return a.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        }
    }

    @Test
    void afterAResetTheGroupsOffsetsOnTheInputAreBackAtTheStart() throws Exception {
        String topic = "articles-reset";
        String app = "reset-app";
        try (Admin a = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            a.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", cluster.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 6; i++) {
                p.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
            }
        }
        consumeAllAndCommit(topic, app, 6);
        assertThat(committed(app).values().stream().mapToLong(OffsetAndMetadata::offset).sum()).isEqualTo(6);

        int rc = StreamsReset.run(Map.of("bootstrap.servers", cluster.bootstrapServers()), app, List.of(topic), false,
                Duration.ofSeconds(10));

        assertThat(rc).isZero();
        Map<TopicPartition, OffsetAndMetadata> after = committed(app);
        assertThat(after.keySet()).containsExactlyInAnyOrder(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
        assertThat(after.values()).allSatisfy(o -> assertThat(o.offset()).isZero());
    }

    @Test
    void aRunningApplicationIsRefusedWithAClearMessage() throws Exception {
        String topic = "articles-busy";
        try (Admin a = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            a.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig("busy-app"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (c.assignment().isEmpty() && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200));
            }
            assertThat(c.assignment()).isNotEmpty();
            assertThatThrownBy(() -> StreamsReset.run(Map.of("bootstrap.servers", cluster.bootstrapServers()), "busy-app",
                    List.of(topic), false, Duration.ofSeconds(10)))
                    .isInstanceOf(StreamsReset.ResetException.class)
                    .hasMessageContaining("application 'busy-app' is still running (1 member(s)");
        }
    }

    @Test
    void anUnreachableBrokerIsAClearErrorWithinTheBound() {
        assertThatThrownBy(() -> StreamsReset.run(Map.of("bootstrap.servers", "127.0.0.1:1"), "riposte-streams",
                StreamsReset.DEFAULT_INPUT_TOPICS, false, Duration.ofSeconds(2)))
                .isInstanceOf(StreamsReset.ResetException.class)
                .hasMessageStartingWith("Kafka at 127.0.0.1:1 did not answer within 2 s");
    }
}
