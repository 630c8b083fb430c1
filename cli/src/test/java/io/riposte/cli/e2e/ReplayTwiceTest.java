package io.riposte.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riposte.cli.TestAccess;
import io.riposte.consumer.DyadSink;
import io.riposte.producer.ArticleFiles;
import io.riposte.producer.ArticlePublisher;
import io.riposte.producer.ProduceSummary;
import io.riposte.streams.RiposteStreamsApp;
import io.riposte.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator replays the same archive twice (issue 5): stable article ids give the same keys, and
 * the topology merges instead of duplicating, so the chains and actions do not change at all.
 */
class ReplayTwiceTest extends ClusterTest {

    @Test
    void replayingTheSeedsTwiceGivesFiveKeysAndUnchangedChainsAndActions(@TempDir Path state) throws Exception {
        Path seeds = Path.of(System.getProperty("riposte.shared.dir", "../../shared")).resolve("seeds");
        assumeTrue(Files.isDirectory(seeds), "../shared/seeds is absent: skipping the replay-twice test");
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", cluster.bootstrapServers());
        config.put("schema.registry.url", cluster.registryUrl());
        config.put("state.dir", state.toString());
        config.put(RiposteStreamsApp.HTTP_PORT, -1);
        config.put("statestore.cache.max.bytes", 0);

        try (DyadSink sink = new DyadSink(config, DyadSink.Options.defaults(), a -> { }, System.err).start();
                RiposteStreamsApp streams = TestAccess.streamsApp(config)) {
            streams.start();
            assertThat(streams.awaitRunning(Duration.ofSeconds(60))).isTrue();

            replay(config, seeds, sink, streams);
            List<ConsumerRecord<String, byte[]>> chainsOnce = TopicContent.read(cluster.bootstrapServers(), Topics.CHAINS);
            List<ConsumerRecord<String, byte[]>> actionsOnce = TopicContent.read(cluster.bootstrapServers(), Topics.ACTIONS);
            assertThat(chainsOnce).as("the seeds make chains").isNotEmpty();

            replay(config, seeds, sink, streams);
            List<ConsumerRecord<String, byte[]>> articles = TopicContent.read(cluster.bootstrapServers(), Topics.ARTICLES);
            assertThat(articles).hasSize(10);
            Set<String> keys = new TreeSet<>();
            articles.forEach(r -> keys.add(r.key()));
            assertThat(keys).hasSize(5);

            // Nothing new was written, so the compacted content is the same record for record.
            List<ConsumerRecord<String, byte[]>> chainsTwice = TopicContent.read(cluster.bootstrapServers(), Topics.CHAINS);
            List<ConsumerRecord<String, byte[]>> actionsTwice = TopicContent.read(cluster.bootstrapServers(), Topics.ACTIONS);
            // Compared by the last offset of each partition, not by record count: the log cleaner may compact
            // these topics between the two reads, which removes older records but never writes or moves the last.
            assertThat(lastOffsets(chainsTwice)).isEqualTo(lastOffsets(chainsOnce));
            assertThat(lastOffsets(actionsTwice)).isEqualTo(lastOffsets(actionsOnce));
            assertThat(hex(TopicContent.latest(chainsTwice))).isEqualTo(hex(TopicContent.latest(chainsOnce)));
            assertThat(hex(TopicContent.latest(actionsTwice))).isEqualTo(hex(TopicContent.latest(actionsOnce)));
        }
    }

    private static void replay(Map<String, Object> config, Path seeds, DyadSink sink, RiposteStreamsApp streams) throws Exception {
        ProduceSummary summary;
        try (ArticlePublisher publisher = new ArticlePublisher(config, System.err)) {
            summary = publisher.publish(List.of(seeds), ArticleFiles.skippingAnnotations());
        }
        assertThat(summary.failure()).isNull();
        assertThat(summary.published()).isEqualTo(5);
        assertThat(TestAccess.awaitDone(config, summary, sink, streams, Duration.ofSeconds(120), Duration.ofSeconds(3), System.err))
                .as("pipeline processed the replay in time").isTrue();
    }

    private static Map<Integer, Long> lastOffsets(List<ConsumerRecord<String, byte[]>> records) {
        Map<Integer, Long> out = new TreeMap<>();
        records.forEach(r -> out.merge(r.partition(), r.offset(), Math::max));
        return out;
    }

    private static Map<String, String> hex(Map<String, byte[]> latest) {
        Map<String, String> out = new TreeMap<>();
        latest.forEach((k, v) -> out.put(k, v == null ? "tombstone" : java.util.HexFormat.of().formatHex(v)));
        return out;
    }
}
