package io.riposte.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.extraction.Extractors;
import io.riposte.domain.Article;
import io.riposte.local.EmbeddedCluster;
import io.riposte.local.junit.EmbeddedClusterExtension;
import io.riposte.serde.SpecificAvroSerde;
import io.riposte.streams.errors.DeadLetters;
import io.riposte.mapping.AvroMapping;
import io.riposte.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application against a real KRaft broker and the local registry, exactly-once v2: the corpus
 * is published in a shuffled order over three partitions (so the topology sees it in another order
 * than the test driver did), and the committed content of {@code actions} and {@code chains}, read with
 * {@code read_committed}, must equal the TopologyTestDriver result. Also checks the built-in dead
 * letters for bytes that are not Avro and the interactive-query endpoints.
 */
class EmbeddedClusterTest {
    @RegisterExtension
    static final EmbeddedClusterExtension CLUSTER = new EmbeddedClusterExtension();
    static EmbeddedCluster cluster;

    @TempDir
    Path state;

    @BeforeAll
    static void startCluster() {
        cluster = CLUSTER.cluster();
    }

    @Test
    void corpusThroughTheClusterEqualsTheTestDriverResult() throws Exception {
        List<Article> corpus = Corpus.articles();
        PermutationTest.Outcome expected = PermutationTest.run(cluster.registryUrl(), state.resolve("ttd"), corpus);

        byte[] notAvro = "not an article".getBytes(StandardCharsets.UTF_8);
        // A different order than the driver saw, spread over three partitions: a permutation through the cluster.
        List<Article> shuffled = new ArrayList<>(corpus);
        Collections.shuffle(shuffled, new Random(7));
        publish(cluster, shuffled, notAvro);

        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", cluster.bootstrapServers());
        settings.put("schema.registry.url", cluster.registryUrl());
        settings.put("application.id", "riposte-streams-it");
        settings.put("state.dir", state.resolve("app").toString());
        settings.put("auto.offset.reset", "earliest");
        settings.put(RiposteStreamsApp.HTTP_PORT, 0);
        try (RiposteStreamsApp app = new RiposteStreamsApp(settings, Extractors.standard(), CorrelatorFactory.standard())) {
            HttpClient http = HttpClient.newHttpClient();
            app.start();
            assertThat(app.awaitRunning(Duration.ofSeconds(60))).as("app reaches RUNNING").isTrue();

            awaitProcessed(app, corpus.size());

            Committed out = readCommitted();
            assertThat(out.actions).isNotEmpty().isEqualTo(expected.actions());
            assertThat(out.chains).isNotEmpty().isEqualTo(expected.chains());
            // Alerts follow arrival (a change is announced when it happens), so only their subject is order-free.
            var dyads = expected.actions().values().stream().map(io.riposte.avro.Action::getDyad).collect(Collectors.toSet());
            assertThat(out.alerts).isNotEmpty().allSatisfy(a -> assertThat(dyads).contains(a.getDyad()));

            // Bytes that are not Avro: the app's deserialization handler dead-letters them with a reason,
            // naming the article record (TopologyTestDriver drops such letters; a real cluster gets them).
            ConsumerRecord<byte[], byte[]> letter = out.deadLetters.get("not-avro");
            assertThat(letter).isNotNull();
            assertThat(letter.value()).isEqualTo(notAvro);
            assertThat(DeadLetters.header(letter.headers(), DeadLetters.TOPIC)).isEqualTo(Topics.ARTICLES);
            assertThat(DeadLetters.header(letter.headers(), DeadLetters.OFFSET)).isNotBlank();
            assertThat(DeadLetters.header(letter.headers(), DeadLetters.STAGE)).isEqualTo("deserialize");
            assertThat(DeadLetters.header(letter.headers(), DeadLetters.ARTICLE_ID)).isEqualTo("not-avro");
            assertThat(DeadLetters.header(letter.headers(), DeadLetters.REASON)).contains("magic byte");

            // Interactive queries over HTTP.
            String base = "http://127.0.0.1:" + app.httpPort();
            ObjectMapper json = new ObjectMapper();
            assertThat(get(http, base + "/health").statusCode()).isEqualTo(200);
            HttpResponse<String> all = get(http, base + "/chains");
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(json.readTree(all.body()).size()).isEqualTo(expected.chains().size());
            io.riposte.avro.Chain someChain = expected.chains().values().iterator().next();
            JsonNode one = json.readTree(get(http, base + "/chains/" + someChain.getId()).body());
            assertThat(one.get("id").asText()).isEqualTo(someChain.getId());
            assertThat(one.get("steps").size()).isEqualTo(someChain.getSteps().size());
            String[] codes = someChain.getDyad().split("-");
            JsonNode dyad = json.readTree(get(http, base + "/dyads/" + codes[1] + "-" + codes[0]).body());
            assertThat(dyad.get("dyad").asText()).isEqualTo(someChain.getDyad());
            assertThat(dyad.get("chains").size()).isEqualTo(
                    (int) expected.chains().values().stream().filter(c -> c.getDyad().equals(someChain.getDyad())).count());
            String someAction = expected.actions().keySet().iterator().next();
            assertThat(json.readTree(get(http, base + "/actions/" + someAction).body()).get("id").asText()).isEqualTo(someAction);
            assertThat(get(http, base + "/chains/no-such-chain").statusCode()).isEqualTo(404);
            assertThat(get(http, base + "/actions/no-such-action").statusCode()).isEqualTo(404);
            assertThat(get(http, base + "/dyads/RUSSIA").statusCode()).isEqualTo(400);

            app.close();
            assertThat(app.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        }

        // A new instance on an empty state dir restores the stores from their changelogs and carries on:
        // the committed outputs must then equal the driver's result for everything published so far.
        List<Article> more = new ArrayList<>(List.of(TopologyTestDriverTest.PRAGUE_EXPELS, TopologyTestDriverTest.MOSCOW_ANSWERS,
                TopologyTestDriverTest.PRAGUE_WIRE));
        // more reports of one act than an action carries: the topic gets the first ones, a query every one
        for (int i = 0; i < 12; i++) {
            more.add(TopologyTestDriverTest.article("cz-ru-copy-" + i + ".txt", "2021-04-17", "Prague desk " + i,
                    "PRAGUE - The Czech Republic expelled 18 Russian diplomats on Saturday, copy " + i + " of the wire said."));
        }
        List<Article> everything = new ArrayList<>(corpus);
        everything.addAll(more);
        PermutationTest.Outcome expectedAfter = PermutationTest.run(cluster.registryUrl(), state.resolve("ttd-after"), everything);
        publish(cluster, more, null);
        settings.put("state.dir", state.resolve("app-restored").toString());
        try (RiposteStreamsApp restored = RiposteStreamsApp.standard(settings)) {
            restored.start();
            assertThat(restored.awaitRunning(Duration.ofSeconds(60))).as("restored app reaches RUNNING").isTrue();
            awaitProcessed(restored, more.size());
            Committed out = readCommitted();
            assertThat(out.actions).isEqualTo(expectedAfter.actions());
            assertThat(out.chains).isEqualTo(expectedAfter.chains());
            // The query views are composed from restored stores (id -> key pointers, then the correlation stores).
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            String base = "http://127.0.0.1:" + restored.httpPort();
            int bounded = 0;
            for (io.riposte.avro.Action a : expectedAfter.actions().values()) {
                JsonNode body = json.readTree(get(http, base + "/actions/" + a.getId()).body());
                assertThat(body.get("id").asText()).isEqualTo(a.getId());
                assertThat(body.get("articles").size()).as("articles of %s", a.getId()).isEqualTo(a.getArticles().size());
                assertThat(body.get("evidence_total").asInt()).as("reports of %s", a.getId()).isEqualTo(a.getEvidenceTotal());
                assertThat(body.get("evidence").size()).as("reports shown of %s", a.getId()).isEqualTo(a.getEvidenceTotal());
                assertThat(a.getEvidence()).hasSize(Math.min(a.getEvidenceTotal(), io.riposte.domain.Action.SHOWN_EVIDENCE));
                for (int i = 0; i < a.getEvidence().size(); i++) {
                    assertThat(body.get("evidence").get(i).get("article_id").asText()).isEqualTo(a.getEvidence().get(i).getArticleId());
                }
                bounded += a.getEvidenceTotal() > a.getEvidence().size() ? 1 : 0;
            }
            assertThat(bounded).as("actions with more reports than the topic carries").isPositive();
            for (io.riposte.avro.Chain c : expectedAfter.chains().values()) {
                JsonNode body = json.readTree(get(http, base + "/chains/" + c.getId()).body());
                assertThat(body.get("steps").size()).as("steps of %s", c.getId()).isEqualTo(c.getSteps().size());
            }
        }
    }

    private static <V> void apply(Map<String, V> m, String key, V value) {
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void publish(EmbeddedCluster cluster, List<Article> corpus, byte[] notAvro) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var serde = new SpecificAvroSerde<>(io.riposte.avro.Article.class)) {
            serde.configure(Map.of("schema.registry.url", cluster.registryUrl()), false);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
                if (notAvro != null) {
                    producer.send(new ProducerRecord<>(Topics.ARTICLES, "not-avro", notAvro));
                }
                for (Article a : corpus) {
                    long ts = (a.published() != null ? a.published() : a.ingestedAt()).toEpochMilli();
                    byte[] value = serde.serializer().serialize(Topics.ARTICLES, AvroMapping.toAvro(a));
                    producer.send(new ProducerRecord<>(Topics.ARTICLES, null, ts, a.id(), value));
                }
                producer.flush();
            }
        }
    }

    /** Waits (bounded) until the app read {@code articles} articles and correlated every mention it extracted. */
    static void awaitProcessed(RiposteStreamsApp app, int articles) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && !(app.counters().articlesProcessed() == articles
                && app.counters().mentionsCorrelated() == app.counters().actionsExtracted())) {
            Thread.sleep(200);
        }
        assertThat(app.counters().articlesProcessed()).as("articles read by this instance").isEqualTo(articles);
    }

    /** What the output topics hold for a read_committed reader: compacted actions and chains, all alerts, dead letters by key. */
    static final class Committed {
        final Map<String, io.riposte.avro.Action> actions = new LinkedHashMap<>();
        final Map<String, io.riposte.avro.Chain> chains = new LinkedHashMap<>();
        final List<io.riposte.avro.Alert> alerts = new ArrayList<>();
        final Map<String, ConsumerRecord<byte[], byte[]>> deadLetters = new LinkedHashMap<>();
    }

    /** Everything committed on the output topics, read from the start until nothing new came for 3 s (at most 60 s). */
    private Committed readCommitted() {
        Committed committed = new Committed();
        try (var actionSerde = new SpecificAvroSerde<>(io.riposte.avro.Action.class);
                var chainSerde = new SpecificAvroSerde<>(io.riposte.avro.Chain.class);
                var alertSerde = new SpecificAvroSerde<>(io.riposte.avro.Alert.class)) {
            Map<String, Object> registry = Map.of("schema.registry.url", cluster.registryUrl());
            actionSerde.configure(registry, false);
            chainSerde.configure(registry, false);
            alertSerde.configure(registry, false);
            for (ConsumerRecord<byte[], byte[]> r : readCommittedRecords(Duration.ofSeconds(60))) {
                String key = new String(r.key(), StandardCharsets.UTF_8);
                switch (r.topic()) {
                    case Topics.ACTIONS -> apply(committed.actions, key, r.value() == null ? null : actionSerde.deserializer().deserialize(r.topic(), r.value()));
                    case Topics.CHAINS -> apply(committed.chains, key, r.value() == null ? null : chainSerde.deserializer().deserialize(r.topic(), r.value()));
                    case Topics.ALERTS -> committed.alerts.add(alertSerde.deserializer().deserialize(r.topic(), r.value()));
                    default -> committed.deadLetters.put(key, r);
                }
            }
        }
        return committed;
    }

    private List<ConsumerRecord<byte[], byte[]>> readCommittedRecords(Duration timeout) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "riposte-streams-it-verifier");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ACTIONS, Topics.CHAINS, Topics.ALERTS, Topics.DEAD_LETTERS));
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline) {
                var batch = consumer.poll(Duration.ofMillis(500));
                batch.forEach(out::add);
                if (!batch.isEmpty()) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > Duration.ofSeconds(3).toNanos() && !out.isEmpty()) {
                    break;
                }
            }
        }
        return out;
    }
}
