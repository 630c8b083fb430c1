package io.riposte.cli;

import io.riposte.config.KafkaClientConfig;
import io.riposte.consumer.DyadSink;
import io.riposte.producer.ProduceSummary;
import io.riposte.topics.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides when a replay is fully processed: the Streams app has committed every article (and every
 * record of its repartition topics), and the consumer has read everything committed on the output
 * topics and seen nothing new for a quiet period. Bounded: it gives up at the deadline.
 */
final class PipelineProgress {
    static final String DEFAULT_APPLICATION_ID = Topics.DEFAULT_APPLICATION_ID;

    private PipelineProgress() {}

    static boolean awaitDone(Map<String, Object> config, ProduceSummary summary, DyadSink sink, Duration timeout,
            Duration quiet, PrintStream err) throws InterruptedException {
        return awaitDone(config, summary, sink, () -> null, timeout, quiet, err);
    }

    /**
     * @param streamsProblem says why the Streams app can no longer make progress (failed or
     *     stopped), or null while it can; waiting stops at once when it says something
     */
    static boolean awaitDone(Map<String, Object> config, ProduceSummary summary, DyadSink sink,
            java.util.function.Supplier<String> streamsProblem, Duration timeout, Duration quiet, PrintStream err)
            throws InterruptedException {
        String appId = Topics.prefixedOnce(config, String.valueOf(config.getOrDefault("application.id", DEFAULT_APPLICATION_ID)));
        String articles = Topics.name(config, Topics.ARTICLES);
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Map<String, Object> adminConfig = KafkaClientConfig.kafkaOnly(config);
        adminConfig.putIfAbsent("default.api.timeout.ms", 10000);
        adminConfig.putIfAbsent("request.timeout.ms", 10000);
        // Quiet is measured from now at the earliest: silence before the articles were even consumed proves nothing.
        long since = System.nanoTime();
        try (Admin admin = Admin.create(adminConfig)) {
            while (System.nanoTime() < deadline) {
                long lag = streamsLag(admin, appId, articles);
                long lastChange = Math.max(since, sink.lastChangeNanos());
                boolean quietEnough = sink.caughtUp() && System.nanoTime() - lastChange >= quiet.toNanos();
                if (lag == 0 && quietEnough) {
                    return true;
                }
                if (sink.failure() != null) {
                    err.println("demo: the consumer failed: " + sink.failure());
                    return false;
                }
                String problem = streamsProblem.get();
                if (problem != null) {
                    err.println("demo: " + problem);
                    return false;
                }
                if (System.nanoTime() > nextReport) {
                    err.printf("demo: waiting for the pipeline (streams lag %s, consumer %s)%n",
                            lag < 0 ? "unknown" : lag, sink.caughtUp() ? "caught up" : "reading");
                    nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                }
                Thread.sleep(250);
            }
            err.printf("demo: gave up waiting after %d s (streams lag %s, consumer %s)%n", timeout.toSeconds(),
                    streamsLag(admin, appId, articles), sink.caughtUp() ? "caught up" : "still reading");
        }
        return false;
    }

    /**
     * Records the Streams app has not committed yet, on {@code articles} (its input, as named on the cluster) and its repartition topics;
     * -1 when the group cannot be read. Under exactly-once a repartition partition ends with a
     * transaction marker the app never consumes as a record, so a gap of one there counts as none.
     */
    static long streamsLag(Admin admin, String appId, String articles) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(appId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            var articleParts = admin.describeTopics(java.util.List.of(articles)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(articles).partitions();
            for (var p : articleParts) {
                request.put(new TopicPartition(articles, p.partition()), OffsetSpec.latest());
            }
            for (TopicPartition tp : committed.keySet()) {
                request.put(tp, OffsetSpec.latest());
            }
            // Repartition partitions the app has not committed yet are not in the group's offsets at all:
            // count them from 0, or a downstream sub-topology that has not started looks done.
            String prefix = appId + "-";
            var repartition = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(prefix) && t.endsWith("-repartition")).toList();
            if (!repartition.isEmpty()) {
                admin.describeTopics(repartition).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, d) ->
                        d.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            }
            var ends = admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var e : ends.entrySet()) {
                TopicPartition tp = e.getKey();
                long end = e.getValue().offset();
                OffsetAndMetadata c = committed.get(tp);
                long gap = end - (c == null ? 0 : c.offset());
                if (!tp.topic().equals(articles) && gap == 1) {
                    gap = 0;
                }
                lag += Math.max(0, gap);
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
