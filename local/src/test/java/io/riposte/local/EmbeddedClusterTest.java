package io.riposte.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.avro.Article;
import io.riposte.avro.DatePrecision;
import io.riposte.local.registry.LocalSchemaRegistry;
import io.riposte.local.registry.LocalSchemaRegistryTest;
import io.riposte.registry.HttpSchemaRegistryClient;
import io.riposte.serde.SpecificAvroSerde;
import io.riposte.topics.TopicAdmin;
import io.riposte.topics.TopicSpec;
import io.riposte.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One in-process cluster for the whole class (start-up is the expensive part). */
class EmbeddedClusterTest {
    private static EmbeddedCluster cluster;

    @BeforeAll
    static void start() {
        cluster = EmbeddedCluster.start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertThat(cluster.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(cluster.registryUrl()).startsWith("http://127.0.0.1:");
        int brokerPort = Integer.parseInt(cluster.bootstrapServers().substring("127.0.0.1:".length()));
        int registryPort = java.net.URI.create(cluster.registryUrl()).getPort();
        List<java.net.InetAddress> others = new ArrayList<>();
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address) {
                    others.add(address);
                }
            }
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(others.isEmpty(), "no non-loopback IPv4 address to probe");
        for (var address : others) {
            for (int port : new int[] {brokerPort, registryPort}) {
                assertThatThrownBy(() -> {
                    try (var socket = new java.net.Socket()) {
                        socket.connect(new java.net.InetSocketAddress(address, port), 2000);
                    }
                }).as(address + ":" + port).isInstanceOf(java.io.IOException.class);
            }
        }
    }

    @Test
    void createsEveryCatalogueTopicWithItsPartitionsAndConfigs() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            List<String> names = Topics.all().stream().map(TopicSpec::name).toList();
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            for (TopicSpec spec : Topics.all()) {
                assertThat(described.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
            }
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.CHAINS);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
        assertThat(TopicAdmin.createAll(Map.of("bootstrap.servers", cluster.bootstrapServers()), Duration.ofSeconds(20)))
                .as("second run creates nothing").isEmpty();
    }

    @Test
    void refusesATopicWithAnotherPartitionCount() {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", cluster.bootstrapServers()))) {
            TopicSpec wrong = new TopicSpec(Topics.ACTIONS, 5, Map.of(), "k", "v");
            assertThatThrownBy(() -> TopicAdmin.createAll(admin, List.of(wrong), Duration.ofSeconds(20)))
                    .isInstanceOf(KafkaException.class)
                    .hasMessageContaining("actions")
                    .hasMessageContaining("3 partitions")
                    .hasMessageContaining("expects 5");
        }
    }

    @Test
    void avroRoundTripThroughBrokerAndHttpRegistry() {
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", cluster.registryUrl());
        List<Article> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(Article.newBuilder().setId("rt-" + i).setOrigin("test").setTitle("t" + i).setBody("b" + i)
                    .setPublishedPrecision(DatePrecision.DAY).setPublished(Instant.ofEpochMilli(1_700_000_000_000L + i))
                    .setIngestedAt(Instant.ofEpochMilli(1_700_000_000_000L)).build());
        }
        try (SpecificAvroSerde<Article> serde = new SpecificAvroSerde<>(Article.class)) {
            serde.configure(serdeConfig, false);
            Map<String, Object> p = new HashMap<>();
            p.put("bootstrap.servers", cluster.bootstrapServers());
            p.put("acks", "all");
            p.put("enable.idempotence", true);
            try (var producer = new KafkaProducer<>(p, new StringSerializer(), serde.serializer())) {
                for (Article a : sent) {
                    producer.send(new ProducerRecord<>(Topics.ARTICLES, a.getId(), a));
                }
                producer.send(new ProducerRecord<>(Topics.ARTICLES, "gone", null)); // tombstone
                producer.flush();
            }
            Map<String, Object> c = new HashMap<>();
            c.put("bootstrap.servers", cluster.bootstrapServers());
            c.put("group.id", "round-trip");
            c.put("auto.offset.reset", "earliest");
            c.put("isolation.level", "read_committed");
            List<Article> received = new ArrayList<>();
            boolean sawTombstone = false;
            try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), serde.deserializer())) {
                consumer.subscribe(List.of(Topics.ARTICLES));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received.size() + (sawTombstone ? 1 : 0) < sent.size() + 1 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, Article> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.value() == null) {
                            sawTombstone = r.key().equals("gone");
                        } else {
                            received.add(r.value());
                        }
                    }
                }
            }
            assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(sawTombstone).isTrue();
        }
        var client = new HttpSchemaRegistryClient(cluster.registryUrl());
        assertThat(client.latest("articles-value").schema()).isEqualTo(Article.getClassSchema());
    }

    /** Ids live in the cluster's _schemas topic: a new registry process on the same cluster serves the same ids. */
    @Test
    void kafkaBackedRegistryKeepsIdsAcrossRestarts() {
        int v1;
        int v2;
        try (LocalSchemaRegistry first = LocalSchemaRegistry.onKafka(cluster.bootstrapServers(), 0)) {
            var client = new HttpSchemaRegistryClient(first.url());
            v1 = client.register("persist-value", LocalSchemaRegistryTest.V1);
            v2 = client.register("persist-value", LocalSchemaRegistryTest.V2);
            client.setCompatibility("persist-value", "FULL");
        }
        try (LocalSchemaRegistry second = LocalSchemaRegistry.onKafka(cluster.bootstrapServers(), 0)) {
            var client = new HttpSchemaRegistryClient(second.url());
            assertThat(client.schemaById(v1)).isEqualTo(LocalSchemaRegistryTest.V1);
            assertThat(client.schemaById(v2)).isEqualTo(LocalSchemaRegistryTest.V2);
            assertThat(client.lookup("persist-value", LocalSchemaRegistryTest.V1)).isEqualTo(v1);
            assertThat(client.latest("persist-value").version()).isEqualTo(2);
            assertThat(client.compatibility("persist-value")).isEqualTo("FULL");
            assertThat(client.register("persist-value", LocalSchemaRegistryTest.V2)).isEqualTo(v2);
            // FULL survived too: a field without default is refused
            assertThat(client.isCompatible("persist-value", LocalSchemaRegistryTest.NO_DEFAULT)).isFalse();
            int fresh = client.register("other-value", LocalSchemaRegistryTest.NO_DEFAULT);
            assertThat(fresh).as("a new schema never reuses a persisted id").isNotIn(v1, v2);
        }
        // and the cluster's own registry process (started before these were written) catches up on write
        var shared = new HttpSchemaRegistryClient(cluster.registryUrl());
        int again = shared.register("persist-value", LocalSchemaRegistryTest.V1);
        assertThat(again).isEqualTo(v1);
    }
}
