package io.riposte.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.input.ArticleParser;
import io.riposte.local.EmbeddedCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A broker that goes away after the run has had a record acknowledged is restarting, not misconfigured:
 * the publisher retries a send refused on the metadata wait, for a bounded time, and says so. (That it
 * then rides out a real restart is what the reliability module's BrokerRestartTest shows.)
 */
class PublisherOutageTest {

    @Test
    void aSendRefusedOnTheMetadataWaitAfterAnAcknowledgedRecordIsRetriedThenFailsClearly() throws Exception {
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
