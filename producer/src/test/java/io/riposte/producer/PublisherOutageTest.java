package io.riposte.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.input.ArticleParser;
import io.riposte.local.EmbeddedCluster;
import io.riposte.local.LocalBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that goes away after the run has had a record acknowledged is restarting, not misconfigured:
 * the publisher retries a send refused on the metadata wait, for a bounded time, and says so. (That it
 * then rides out a real restart is what the reliability module's BrokerRestartTest shows.)
 */
class PublisherOutageTest {

    @Test
    void aSendRefusedOnTheMetadataWaitAfterAnAcknowledgedRecordIsRetriedThenFailsClearly() throws Exception {
        // Its own cluster, not EmbeddedClusterExtension's: the outage is this cluster stopped in mid-run.
        EmbeddedCluster cluster = EmbeddedCluster.start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        boolean closed = false;
        try (ArticlePublisher publisher = new ArticlePublisher(Map.of(
                "bootstrap.servers", cluster.bootstrapServers(), "schema.registry.url", cluster.registryUrl(),
                "max.block.ms", "1000", "request.timeout.ms", "1000", ArticlePublisher.OUTAGE_MS, "3500"),
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
            ArticlePublisher.Session session = publisher.session(ReplayOptions.AS_FAST_AS_POSSIBLE, Progress.NONE);
            session.publish(new InputItem.Parsed("first", ArticleParser.parseText(
                    " date 2024-05-14 A first article\nIt reports nothing in particular.", "first", Instant.EPOCH)));
            assertThat(session.summary().published()).as(session.summary().toString()).isEqualTo(1);

            cluster.close();
            closed = true;
            // Never sent before, so its topic's metadata is not cached: the send blocks on the metadata wait.
            session.publish(new InputItem.Rejected("bad.txt", "EMPTY", "bad.txt: empty", new byte[0]));
            ProduceSummary summary = session.flush();

            String log = err.toString(StandardCharsets.UTF_8);
            assertThat(log.split("is not answering", -1).length - 1).as(log).isGreaterThanOrEqualTo(2);
            assertThat(log).contains(ArticlePublisher.OUTAGE_MS);
            assertThat(summary.failure()).as(summary.toString()).contains("did not answer in time");
            assertThat(summary.published()).isEqualTo(1);
        } finally {
            if (!closed) {
                cluster.close();
            }
        }
    }

    /**
     * Records already in the producer's buffer when the broker stops, and not delivered within
     * {@code delivery.timeout.ms}, are given up by Kafka; the publisher sends them again once the broker
     * is back (the separate-process local broker, stopped and started on the same data dir and port).
     */
    @Test
    @Timeout(330) // a guard against a hang, above the sum of the bounded waits inside (two broker starts of up to 90 s each, ...)
    void recordsKafkaGaveUpOnDuringABrokerRestartAreSentAgain(@TempDir Path dir) throws Exception {
        LocalBroker local = new LocalBroker(LocalBroker.Settings.onFreePorts(dir.resolve("broker")));
        LocalBroker.Status status = local.up(Duration.ofSeconds(90));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ArticlePublisher publisher = new ArticlePublisher(Map.of(
                "bootstrap.servers", status.settings().bootstrapServers(), "schema.registry.url", status.settings().registryUrl(),
                "max.block.ms", "1000", "request.timeout.ms", "1000", "delivery.timeout.ms", "1500",
                ArticlePublisher.OUTAGE_MS, "90000"),
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
            ArticlePublisher.Session session = publisher.session(ReplayOptions.AS_FAST_AS_POSSIBLE, Progress.NONE);
            session.publish(article(0));
            assertThat(session.summary().published()).as(session.summary().toString()).isEqualTo(1);

            ProcessHandle broker = ProcessHandle.of(local.status().brokerPid()).orElseThrow();
            broker.destroyForcibly();
            broker.onExit().get(30, TimeUnit.SECONDS);
            // The topic's metadata is cached: these go to the buffer and expire there while the broker is away.
            for (int i = 1; i <= 5; i++) {
                session.publish(article(i));
            }
            CompletableFuture<LocalBroker.Status> back = CompletableFuture.supplyAsync(() -> {
                try {
                    Thread.sleep(4000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return local.up(Duration.ofSeconds(90));
            });
            ProduceSummary summary = session.flush();
            back.get(100, TimeUnit.SECONDS);
            List<String> sent = new java.util.ArrayList<>();
            for (int i = 0; i <= 5; i++) {
                sent.add(article(i).article().id());
            }

            String log = err.toString(StandardCharsets.UTF_8);
            assertThat(summary.failure()).as(summary + "\n" + log).isNull();
            assertThat(summary.published()).isEqualTo(6);
            assertThat(summary.resent()).as(log).isGreaterThanOrEqualTo(5);
            assertThat(log).contains("sending them again", ArticlePublisher.OUTAGE_MS);
            assertThat(summary.toString()).contains("re-sent");
            assertThat(articleIdsOnTopic(status.settings().bootstrapServers())).containsAll(sent);
        } finally {
            local.down(Duration.ofSeconds(30));
        }
    }

    private static InputItem.Parsed article(int i) throws Exception {
        return new InputItem.Parsed("a" + i, ArticleParser.parseText(
                " date 2024-05-14 Article " + i + "\nIt reports nothing in particular, number " + i + ".", "a" + i, Instant.EPOCH));
    }

    private static List<String> articleIdsOnTopic(String bootstrap) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(io.riposte.topics.Topics.ARTICLES, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<String> ids = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> ids.add(r.key()));
            }
            return ids;
        }
    }

    @Test
    void aRunThatNeverReachedKafkaFailsOnTheFirstMetadataWaitWithoutRetrying() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProduceSummary summary;
        // A port nothing listens on: the address may be wrong, so waiting longer would only hide that.
        try (ArticlePublisher publisher = new ArticlePublisher(Map.of(
                "bootstrap.servers", "127.0.0.1:9", "schema.registry.url", "http://127.0.0.1:9",
                "max.block.ms", "1000", "request.timeout.ms", "1000", ArticlePublisher.OUTAGE_MS, "60000"),
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
            ArticlePublisher.Session session = publisher.session(ReplayOptions.AS_FAST_AS_POSSIBLE, Progress.NONE);
            session.publish(new InputItem.Rejected("bad.txt", "EMPTY", "bad.txt: empty", new byte[0]));
            summary = session.flush();
        }
        assertThat(summary.failure()).as(summary.toString()).contains("did not answer in time");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("is not answering");
    }
}
