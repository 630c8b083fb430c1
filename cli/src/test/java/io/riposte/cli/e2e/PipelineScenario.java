package io.riposte.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.avro.Alert;
import io.riposte.avro.Chain;
import io.riposte.cli.TestAccess;
import io.riposte.consumer.DyadSink;
import io.riposte.producer.ArticleFiles;
import io.riposte.producer.ArticlePublisher;
import io.riposte.producer.ProduceSummary;
import io.riposte.serde.SpecificAvroDeserializer;
import io.riposte.streams.RiposteStreamsApp;
import io.riposte.topics.Topics;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;

/**
 * The walking skeleton's scenario, shared by the embedded-cluster and the Testcontainers test:
 * publish sample articles with the producer, run the Streams app and the dyad consumer, then check
 * what landed on the output topics.
 */
final class PipelineScenario {
    static final ObjectMapper JSON = new ObjectMapper();

    private PipelineScenario() {}

    /** Our own sample corpus, else the shared seeds; skips when neither is there. */
    static Path sampleArticles() {
        Path project = Path.of(System.getProperty("riposte.project.dir", ".."));
        Path corpus = project.resolve("corpus/articles");
        if (Files.isDirectory(corpus)) {
            return corpus;
        }
        Path seeds = Path.of(System.getProperty("riposte.shared.dir", "../../shared")).resolve("seeds");
        Assumptions.assumeTrue(Files.isDirectory(seeds), "no sample articles: neither " + corpus + " nor " + seeds + " exists");
        return seeds;
    }

    /**
     * @param prefix the deployment's {@code riposte.topic.prefix} ("" for none): the scenario creates its
     *     topics and checks that nothing else was written
     */
    static void run(String bootstrap, String registryUrl, Path stateDir, String prefix) throws Exception {
        Path articles = sampleArticles();
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("schema.registry.url", registryUrl);
        config.put("state.dir", stateDir.toString());
        config.put(RiposteStreamsApp.HTTP_PORT, -1);
        config.put("statestore.cache.max.bytes", 0);
        config.put(Topics.PREFIX_CONFIG, prefix);
        io.riposte.topics.TopicAdmin.createAll(config, Duration.ofSeconds(30));

        List<Alert> alerts = Collections.synchronizedList(new ArrayList<>());
        PrintStream err = System.err;
        ProduceSummary summary;
        ArticleFiles files = new ArticleFiles(ArticleFiles.DEFAULT_MAX_BYTES, List.of("gold*.jsonl", "chains*.jsonl"), Clock.systemUTC());
        int inputFiles = files.expand(List.of(articles)).size();
        try (DyadSink sink = new DyadSink(config, DyadSink.Options.defaults(), alerts::add, err).start();
                RiposteStreamsApp streams = TestAccess.streamsApp(config)) {
            streams.start();
            assertThat(streams.awaitRunning(Duration.ofSeconds(60))).as("Streams RUNNING").isTrue();
            try (ArticlePublisher publisher = new ArticlePublisher(config, err)) {
                summary = publisher.publish(List.of(articles), files);
            }
            assertThat(summary.failure()).isNull();
            assertThat(summary.published()).isEqualTo(inputFiles).isPositive();
            assertThat(TestAccess.awaitDone(config, summary, sink, streams, Duration.ofSeconds(180), Duration.ofSeconds(3), err))
                    .as("pipeline processed everything in time").isTrue();
            assertThat(sink.failure()).isNull();
        }

        // The producer's counts reconcile with the articles topic: one record per published article.
        List<ConsumerRecord<String, byte[]>> articleRecords = TopicContent.read(bootstrap, prefix + Topics.ARTICLES);
        assertThat(articleRecords).hasSize(summary.published());

        // Chains: the compacted topic's final content, decoded through the registry.
        Map<String, Chain> chains = decode(TopicContent.latest(TopicContent.read(bootstrap, prefix + Topics.CHAINS)), Chain.class, registryUrl, prefix + Topics.CHAINS);
        assertThat(chains).as("at least one retaliation chain").isNotEmpty();
        for (Chain c : chains.values()) {
            assertThat(c.getSteps()).as("chain %s", c.getId()).isNotEmpty();
            assertThat(c.getDyad()).matches("[A-Z]{3}-[A-Z]{3}");
            assertThat(c.getSteps()).allSatisfy(s -> assertThat(io.riposte.domain.Dyad.of(s.getSource(), s.getTarget())).isEqualTo(c.getDyad()));
        }
        boolean answered = chains.values().stream().flatMap(c -> c.getSteps().stream()).anyMatch(s -> !s.getRespondsTo().isEmpty());
        assertThat(answered).as("some step answers another").isTrue();

        // Alerts: on the topic (read_committed), and the consumer handed every one of them on.
        List<ConsumerRecord<String, byte[]>> alertRecords = TopicContent.read(bootstrap, prefix + Topics.ALERTS);
        assertThat(alertRecords).as("alerts").isNotEmpty();
        List<Alert> topicAlerts = decode(alertRecords, Alert.class, registryUrl, prefix + Topics.ALERTS);
        assertThat(alerts).extracting(Alert::getId).containsExactlyInAnyOrderElementsOf(topicAlerts.stream().map(Alert::getId).toList());

        // The dyads sink holds one record per dyad the chains mention, and only those (plus dyads with pending threats).
        List<ConsumerRecord<String, byte[]>> dyadRecords = TopicContent.read(bootstrap, prefix + Topics.DYADS);
        Map<String, byte[]> dyads = TopicContent.latest(dyadRecords);
        Set<String> chainDyads = chains.values().stream().map(Chain::getDyad).collect(Collectors.toCollection(TreeSet::new));
        assertThat(dyads.keySet()).containsAll(chainDyads);
        for (Map.Entry<String, byte[]> e : dyads.entrySet()) {
            JsonNode n = JSON.readTree(e.getValue());
            assertThat(n.get("dyad").asText()).isEqualTo(e.getKey());
            Set<String> ids = new TreeSet<>();
            n.get("chains").forEach(c -> ids.add(c.get("id").asText()));
            Set<String> expected = chains.values().stream().filter(c -> c.getDyad().equals(e.getKey())).map(Chain::getId)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(ids).as("chains of %s in the sink", e.getKey()).isEqualTo(expected);
            if (expected.isEmpty()) {
                assertThat(n.get("pending_threats")).as("a dyad without chains is there for its threats").isNotEmpty();
            }
        }

        // The typed twin: one Avro DyadView per dyad of the JSON sink, decoded through the registry, saying the same.
        List<ConsumerRecord<String, byte[]>> avroRecords = TopicContent.read(bootstrap, prefix + Topics.DYADS_AVRO);
        Map<String, io.riposte.avro.DyadView> typed = decode(TopicContent.latest(avroRecords), io.riposte.avro.DyadView.class,
                registryUrl, prefix + Topics.DYADS_AVRO);
        assertThat(typed.keySet()).isEqualTo(dyads.keySet());
        for (Map.Entry<String, io.riposte.avro.DyadView> e : typed.entrySet()) {
            JsonNode n = JSON.readTree(dyads.get(e.getKey()));
            io.riposte.avro.DyadView v = e.getValue();
            assertThat(v.getDyad()).isEqualTo(e.getKey());
            List<String> jsonChains = new ArrayList<>();
            n.get("chains").forEach(c -> jsonChains.add(c.get("id").asText()));
            assertThat(v.getChains()).extracting(Chain::getId).containsExactlyElementsOf(jsonChains);
            assertThat(v.getEscalationLevel()).isEqualTo(n.get("escalation_level").asDouble());
            List<String> jsonThreats = new ArrayList<>();
            n.get("pending_threats").forEach(t -> jsonThreats.add(t.get("action_id").asText()));
            assertThat(v.getPendingThreats()).extracting(io.riposte.avro.PendingThreat::getActionId).containsExactlyElementsOf(jsonThreats);
            assertThat(v.getLastStep() == null ? null : v.getLastStep().getActionId())
                    .isEqualTo(n.get("last_step").isNull() ? null : n.get("last_step").get("action_id").asText());
            assertThat(v.getUpdatedAt().toString()).isEqualTo(n.get("updated_at").asText());
        }

        // A restarted consumer recomputes the same view from the compacted inputs and writes nothing new.
        try (DyadSink again = new DyadSink(config, DyadSink.Options.defaults(), a -> { }, err).start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(again.caughtUp() && System.nanoTime() - again.lastChangeNanos() > Duration.ofSeconds(2).toNanos())
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(again.caughtUp()).isTrue();
            assertThat(again.upserts()).as("records written by a restarted consumer").isZero();
            assertThat(again.dyadJson().keySet()).isEqualTo(dyads.keySet());
        }
        assertThat(TopicContent.read(bootstrap, prefix + Topics.DYADS)).hasSameSizeAs(dyadRecords);
        assertThat(TopicContent.read(bootstrap, prefix + Topics.DYADS_AVRO)).hasSameSizeAs(avroRecords);

        // Everything the deployment wrote is behind its prefix: the catalogue's topics and Streams' internal ones.
        // (Names with a leading '_' belong to the broker and the registry.)
        Set<String> base = Topics.all().stream().map(io.riposte.topics.TopicSpec::name).collect(Collectors.toSet());
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            Set<String> topics = admin.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS);
            List<String> written = new ArrayList<>();
            for (String t : topics) {
                if (t.startsWith("_")) {
                    continue;
                }
                if (base.contains(t) && !prefix.isEmpty()) {
                    // created empty by the cluster's own set-up; this deployment must not have written there
                    assertThat(TopicContent.read(bootstrap, t)).as("records on unprefixed topic %s", t).isEmpty();
                    continue;
                }
                written.add(t);
            }
            assertThat(written).as("topics of the deployment").isNotEmpty().allSatisfy(t -> assertThat(t).startsWith(prefix))
                    .contains(prefix + "riposte-streams-by-dyad-repartition")
                    .containsAll(base.stream().map(b -> prefix + b).toList());
        }
    }

    static <T extends org.apache.avro.specific.SpecificRecord> Map<String, T> decode(Map<String, byte[]> latest, Class<T> type,
            String registryUrl, String topic) {
        try (SpecificAvroDeserializer<T> d = new SpecificAvroDeserializer<>(type)) {
            d.configure(Map.of("schema.registry.url", registryUrl), false);
            Map<String, T> out = new HashMap<>();
            latest.forEach((k, v) -> out.put(k, d.deserialize(topic, v)));
            return out;
        }
    }

    static <T extends org.apache.avro.specific.SpecificRecord> List<T> decode(List<ConsumerRecord<String, byte[]>> records, Class<T> type,
            String registryUrl, String topic) {
        try (SpecificAvroDeserializer<T> d = new SpecificAvroDeserializer<>(type)) {
            d.configure(Map.of("schema.registry.url", registryUrl), false);
            return records.stream().filter(r -> r.value() != null).map(r -> d.deserialize(topic, r.value())).toList();
        }
    }
}
