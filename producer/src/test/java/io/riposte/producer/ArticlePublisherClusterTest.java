package io.riposte.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.local.EmbeddedCluster;
import io.riposte.local.junit.CommittedRecords;
import io.riposte.local.junit.EmbeddedClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher on a real in-process broker and the local registry over HTTP. */
class ArticlePublisherClusterTest {
    @RegisterExtension
    static final EmbeddedClusterExtension CLUSTER = new EmbeddedClusterExtension();
    static EmbeddedCluster cluster;
    static int topicNo;

    @BeforeAll
    static void startCluster() {
        cluster = CLUSTER.cluster();
    }

    static Map<String, Object> config(String bootstrap, String registry) {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrap);
        c.put("schema.registry.url", registry);
        c.put("max.block.ms", "3000");
        c.put("request.timeout.ms", "3000");
        c.put("delivery.timeout.ms", "6000");
        return c;
    }

    /** Fresh topics per test, so counts reconcile exactly. */
    static String[] freshTopics() throws Exception {
        topicNo++;
        String[] t = {"articles-" + topicNo, "rejected-" + topicNo};
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(t[0], 3, (short) 1), new NewTopic(t[1], 1, (short) 1))).all().get();
        }
        return t;
    }

    static List<ConsumerRecord<String, byte[]>> read(String topic) {
        return CommittedRecords.read(Map.of("bootstrap.servers", cluster.bootstrapServers()), topic);
    }

    @Test
    void replayingTheSameArticlesTwiceGivesTheSameKeysAndEventTimestamps(@TempDir Path dir) throws Exception {
        String[] t = freshTopics();
        Files.writeString(dir.resolve("1.txt"), " date 2018-03-14 https://example.org/a Expulsions announced\nTwenty-three diplomats must leave.");
        Files.writeString(dir.resolve("2.txt"), "Undated item\nA consulate was closed.");
        Files.writeString(dir.resolve("3.jsonl"), "{\"url\":\"https://example.org/b\",\"published\":\"2020-07-21\",\"title\":\"Consulate\",\"body\":\"Closure ordered.\"}\n");
        for (int i = 0; i < 2; i++) {
            try (ArticlePublisher p = new ArticlePublisher(config(cluster.bootstrapServers(), cluster.registryUrl()), t[0], t[1], System.err)) {
                ProduceSummary s = p.publish(List.of(dir), new ArticleFiles());
                assertThat(s.exitCode()).as(s.toString()).isZero();
                assertThat(s.published()).isEqualTo(3);
            }
        }
        List<ConsumerRecord<String, byte[]>> records = read(t[0]);
        assertThat(records).hasSize(6);
        Set<String> keys = records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        assertThat(keys).hasSize(3);
        Set<Long> timestamps = records.stream().map(ConsumerRecord::timestamp).collect(Collectors.toSet());
        assertThat(timestamps).contains(java.time.Instant.parse("2018-03-14T00:00:00Z").toEpochMilli(),
                java.time.Instant.parse("2020-07-21T00:00:00Z").toEpochMilli());
    }

    @Test
    void rejectedInputsGoToTheirTopicWithTheReasonAndTheSummaryReconciles(@TempDir Path dir) throws Exception {
        String[] t = freshTopics();
        Files.writeString(dir.resolve("1.txt"), " date 2023-09-18 Envoy expelled\nA senior diplomat was told to leave.");
        Files.writeString(dir.resolve("2.jsonl"), "{\"title\":\"Visas halted\",\"body\":\"Services were suspended.\"}\nnot json\n");
        Files.write(dir.resolve("3.txt"), new byte[0]);
        Files.write(dir.resolve("4.bin"), new byte[] {1, 0, 2, 0});
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        ProduceSummary s;
        try (ArticlePublisher p = new ArticlePublisher(config(cluster.bootstrapServers(), cluster.registryUrl()), t[0], t[1],
                new PrintStream(errBytes, true, StandardCharsets.UTF_8))) {
            s = p.publish(List.of(dir), new ArticleFiles());
        }
        assertThat(s.failure()).isNull();
        assertThat(s.read()).isEqualTo(5);
        assertThat(s.published()).isEqualTo(2);
        assertThat(s.rejected()).containsExactlyInAnyOrderEntriesOf(Map.of("BAD_JSON", 1, "EMPTY", 1, "BINARY", 1));
        assertThat(s.exitCode()).isEqualTo(ProduceSummary.EXIT_REJECTED);
        assertThat(errBytes.toString(StandardCharsets.UTF_8).lines()).hasSize(3).allMatch(l -> l.startsWith("rejected "));

        assertThat(read(t[0])).hasSize(s.published());
        List<ConsumerRecord<String, byte[]>> rej = read(t[1]);
        Map<String, String> reasons = rej.stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> new String(r.headers().lastHeader(ArticlePublisher.HEADER_REASON).value(), StandardCharsets.UTF_8)));
        assertThat(reasons).isEqualTo(Map.of("2.jsonl:2", "BAD_JSON", "3.txt", "EMPTY", "4.bin", "BINARY"));
        assertThat(rej).allSatisfy(r -> assertThat(r.headers().lastHeader(ArticlePublisher.HEADER_MESSAGE)).isNotNull());
    }

    @Test
    void anUnreachableBrokerIsAClearErrorNotAHang(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Consulate closed\nThe consulate was ordered shut.");
        Files.writeString(dir.resolve("b.txt"), "Second item\nAnother closure.");
        ProduceSummary s;
        try (ArticlePublisher p = new ArticlePublisher(config("127.0.0.1:1", cluster.registryUrl()), System.err)) {
            s = p.publish(List.of(dir), new ArticleFiles());
        }
        assertThat(s.exitCode()).isEqualTo(ProduceSummary.EXIT_FAILED);
        assertThat(s.published()).isZero();
        assertThat(s.failure()).contains("Kafka at 127.0.0.1:1", "did not answer in time", "max.block.ms=3000");
        // The run stops at the first failure instead of waiting once per article.
        assertThat(s.read()).isEqualTo(1);
    }

    @Test
    void anUnreachableRegistryIsAClearErrorNotAHang(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Sanctions imposed\nAssets were frozen.");
        ProduceSummary s;
        try (ArticlePublisher p = new ArticlePublisher(config(cluster.bootstrapServers(), "http://127.0.0.1:1"), System.err)) {
            s = p.publish(List.of(dir), new ArticleFiles());
        }
        assertThat(s.exitCode()).isEqualTo(ProduceSummary.EXIT_FAILED);
        assertThat(s.failure()).startsWith("schema registry at http://127.0.0.1:1");
    }

    @Test
    void duplicatesInOneRunAreSkippedAndCountedAndEveryReadIsAccountedFor(@TempDir Path dir) throws Exception {
        String[] t = freshTopics();
        // The same URL twice (a re-scrape with another title) and the same JSON article twice: two duplicates.
        Files.writeString(dir.resolve("1.txt"), " date 2018-03-14 https://example.org/x Expulsions\nDiplomats must leave.");
        Files.writeString(dir.resolve("2.txt"), " date 2018-03-14 https://example.org/x Expulsions (updated)\nDiplomats must leave now.");
        String line = "{\"url\":\"https://example.org/y\",\"published\":\"2020-07-21\",\"title\":\"Consulate\",\"body\":\"Closure.\"}";
        Files.writeString(dir.resolve("3.jsonl"), line + "\n" + line + "\n{oops\n");
        Files.writeString(dir.resolve("4.txt"), "Headline only\nNo date, no URL: the id is a content hash.");
        ProduceSummary s;
        try (ArticlePublisher p = new ArticlePublisher(config(cluster.bootstrapServers(), cluster.registryUrl()), t[0], t[1], System.err)) {
            s = p.publish(List.of(dir), new ArticleFiles(), new ReplayOptions(ReplayOptions.Order.SHUFFLE, 7, 0, 0), Progress.NONE);
        }
        assertThat(s.failure()).isNull();
        assertThat(s.read()).isEqualTo(6);
        assertThat(s.duplicates()).isEqualTo(2);
        assertThat(s.rejected()).isEqualTo(Map.of("BAD_JSON", 1));
        assertThat(s.published()).isEqualTo(3);
        assertThat(s.reconciles()).isTrue();
        assertThat(s.toString()).contains("read 6, published 3, skipped 2 duplicate(s), rejected 1");
        // The summary reconciles with the topics: one record per published article, distinct keys, one per rejection.
        List<ConsumerRecord<String, byte[]>> published = read(t[0]);
        assertThat(published).hasSize(s.published());
        assertThat(published.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(s.published());
        assertThat(read(t[1])).hasSize(s.rejectedTotal());
    }

    @Test
    void replayingTheSeedsTwiceGivesExactlyFiveDistinctKeys() throws Exception {
        Path seeds = Path.of(System.getProperty("riposte.shared.dir", "../../shared")).resolve("seeds");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(seeds), "skipped: no shared seeds at " + seeds.toAbsolutePath());
        String[] t = freshTopics();
        ArticleFiles files = new ArticleFiles(ArticleFiles.DEFAULT_MAX_BYTES, List.of("*.jsonl"), java.time.Clock.systemUTC());
        int published = 0;
        for (ReplayOptions o : List.of(new ReplayOptions(ReplayOptions.Order.CHRONOLOGICAL, 0, 0, 0),
                new ReplayOptions(ReplayOptions.Order.SHUFFLE, 42, 0, 0))) {
            try (ArticlePublisher p = new ArticlePublisher(config(cluster.bootstrapServers(), cluster.registryUrl()), t[0], t[1], System.err)) {
                ProduceSummary s = p.publish(List.of(seeds), files, o, Progress.NONE);
                assertThat(s.exitCode()).as(s.toString()).isZero();
                assertThat(s.reconciles()).isTrue();
                published += s.published();
            }
        }
        List<ConsumerRecord<String, byte[]>> records = read(t[0]);
        assertThat(records).hasSize(published).hasSize(10);
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).hasSize(5);
    }

    @Test
    void aFeedPolledThreeTimesPublishesEachItemOnce() throws Exception {
        String[] t = freshTopics();
        ProduceSummary s;
        try (FeedServer server = new FeedServer();
                ArticlePublisher p = new ArticlePublisher(config(cluster.bootstrapServers(), cluster.registryUrl()), t[0], t[1], System.err)) {
            FeedPoller poller = new FeedPoller(server.uri("/feed.xml"), Duration.ofSeconds(5), 1000, java.time.Clock.systemUTC());
            ArticlePublisher.Session session = p.session(ReplayOptions.AS_FAST_AS_POSSIBLE, Progress.NONE);
            for (int i = 0; i < 3; i++) {
                poller.poll().items().forEach(session::publish);
                session.flush();
            }
            s = session.flush();
            assertThat(server.requests.get(1)).containsEntry("If-None-Match", "\"v1\"");
        }
        assertThat(s.exitCode()).as(s.toString()).isZero();
        assertThat(s.published()).isEqualTo(3);
        List<ConsumerRecord<String, byte[]>> records = read(t[0]);
        assertThat(records).hasSize(3);
        assertThat(records.stream().map(ConsumerRecord::key).distinct()).hasSize(3);
        assertThat(records.stream().map(ConsumerRecord::timestamp).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                java.time.Instant.parse("2024-05-14T00:00:00Z").toEpochMilli(),
                java.time.Instant.parse("2024-05-15T00:00:00Z").toEpochMilli(),
                java.time.Instant.parse("2024-05-16T00:00:00Z").toEpochMilli());
    }
}
