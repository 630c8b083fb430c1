package io.riposte.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.avro.Article;
import io.riposte.avro.DatePrecision;
import io.riposte.registry.HttpSchemaRegistryClient;
import io.riposte.serde.SpecificAvroSerde;
import io.riposte.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded cluster with SASL/SCRAM and ACLs: the apps' user works, nobody else gets in. */
class SecureEmbeddedClusterTest {
    private static EmbeddedCluster cluster;

    @BeforeAll
    static void start() {
        cluster = EmbeddedCluster.start(Security.scram());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Map<String, Object> quick(Map<String, Object> config) {
        Map<String, Object> c = new HashMap<>(config);
        c.remove("schema.registry.url");
        c.put("max.block.ms", 5000);
        c.put("request.timeout.ms", 3000);
        c.put("delivery.timeout.ms", 5000);
        c.put("default.api.timeout.ms", 5000);
        return c;
    }

    @Test
    void theAppsUserProducesAvroThroughTheRegistryAndReadsItBack() {
        Map<String, Object> config = cluster.clientConfig();
        assertThat(config).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        Article sent = Article.newBuilder().setId("secure-1").setOrigin("test").setTitle("t").setBody("b")
                .setPublishedPrecision(DatePrecision.DAY).setPublished(Instant.ofEpochMilli(1_700_000_000_000L))
                .setIngestedAt(Instant.ofEpochMilli(1_700_000_000_000L)).build();
        try (SpecificAvroSerde<Article> serde = new SpecificAvroSerde<>(Article.class)) {
            serde.configure(config, false);
            Map<String, Object> p = quick(config);
            p.put("enable.idempotence", true);
            p.put("acks", "all");
            try (var producer = new KafkaProducer<>(p, new StringSerializer(), serde.serializer())) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES, sent.getId(), sent)).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            // The registry process wrote the schema to _schemas as its own user.
            assertThat(new HttpSchemaRegistryClient(cluster.registryUrl()).latest("articles-value").schema())
                    .isEqualTo(Article.getClassSchema());
            List<Article> got = new ArrayList<>();
            try (var consumer = new KafkaConsumer<>(quick(config), new StringDeserializer(), serde.deserializer())) {
                List<TopicPartition> parts = consumer.partitionsFor(Topics.ARTICLES).stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                consumer.assign(parts);
                consumer.seekToBeginning(parts);
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (got.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, Article> r : consumer.poll(Duration.ofMillis(200))) {
                        got.add(r.value());
                    }
                }
            }
            assertThat(got).contains(sent);
        }
    }

    @Test
    void aClientWithoutCredentialsGetsNothing() {
        Map<String, Object> plaintext = quick(Map.of("bootstrap.servers", cluster.bootstrapServers()));
        try (Admin admin = Admin.create(plaintext)) {
            // The broker drops a PLAINTEXT client's first request ("Unexpected Kafka request of type METADATA during
            // SASL handshake"); the client only sees disconnections until its timeout.
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .as("a PLAINTEXT client on the SASL listener")
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() {
        Security other = Security.scram(); // same user names, other passwords
        Map<String, Object> wrong = new HashMap<>(Map.of("bootstrap.servers", cluster.bootstrapServers()));
        wrong.putAll(other.clientProperties(other.app()));
        try (Admin admin = Admin.create(quick(wrong))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("invalid credentials")
                    .hasMessageNotContaining(other.app().password());
        }
    }

    @Test
    void anAuthenticatedUserWithoutAclsIsNotAuthorized() {
        // A user created now through the Admin API (SCRAM credentials live in the metadata log).
        Map<String, Object> config = cluster.createUser(new Security.Credentials("outsider", "Outsider0123456789"));
        try (var producer = new KafkaProducer<>(quick(config), new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ARTICLES, "k", "v")).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining("Not authorized to access topics: [articles]");
        }
    }

    @Test
    void theAppsUserIsLimitedToRiposteTopics() throws Exception {
        try (Admin admin = Admin.create(cluster.adminConfig())) {
            admin.createTopics(List.of(new NewTopic("not-riposte", 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
        try (var producer = new KafkaProducer<>(quick(cluster.clientConfig()), new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("not-riposte", "k", "v")).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            // and it may not create topics outside its Streams prefix
        }
        try (Admin admin = Admin.create(quick(cluster.clientConfig()))) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("made-up", 1, (short) 1))).all().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            admin.createTopics(List.of(new NewTopic(EmbeddedCluster.APPLICATION_ID_PREFIX + "-x-changelog", 1, (short) 1)))
                    .all().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void noSecretInTheDescriptions() {
        Security s = cluster.security();
        assertThat(s.toString()).contains("SCRAM-SHA-512").doesNotContain(s.admin().password(), s.app().password());
        assertThat(s.app().toString()).isEqualTo("riposte:[hidden]");
    }
}
