package io.riposte.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides when the Streams app has processed everything published so far, from the committed
 * offsets of its consumer group and its own counters.
 *
 * <p>Done means: (1) the group's committed offsets on {@code articles} equal the topic's end offsets,
 * and their sum equals the articles published; (2) every extracted mention has been correlated (or
 * dead-lettered), by the app's counters; (3) on each repartition topic of the app ({@code by-dyad} and the two of
 * the cross-dyad round trip) each committed offset is at most one short of the end offset. Under exactly-once the last offset of a partition
 * written in a transaction is the commit marker, which the app never consumes as a record, so one
 * short counts as consumed. Outputs are written in the same transaction as those offset commits, so
 * when (1)-(3) hold every action, chain and alert is committed and visible to read_committed readers.
 */
final class PipelineWatch implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(100);

    private final Admin admin;
    private final String appId;
    private final String articlesTopic;
    private final List<String> repartitionTopics;

    /** One look at the group and the topics. */
    record Snapshot(long articlesEnd, long articlesCommitted, long repartitionLag, long extracted, long correlated,
            long deadLettered, long processed) {

        boolean done(long published) {
            return articlesEnd == published && articlesCommitted == published && repartitionLag == 0
                    && extracted <= correlated + deadLettered;
        }

        long progress() {
            return articlesCommitted + correlated + deadLettered;
        }

        @Override
        public String toString() {
            return "articles committed " + articlesCommitted + " of " + articlesEnd + ", repartition lag " + repartitionLag
                    + ", mentions extracted " + extracted + ", correlated " + correlated + ", dead-lettered " + deadLettered;
        }
    }

    /**
     * @param appId the application id (the consumer group), prefix included
     * @param articlesTopic the input topic, prefix included
     * @param repartitions the names of the app's repartitions ({@code Topics.REPARTITIONS}, {@code pass-through-by-key})
     */
    PipelineWatch(String bootstrap, String appId, String articlesTopic, List<String> repartitions) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "default.api.timeout.ms", 10000,
                "request.timeout.ms", 10000));
        this.appId = appId;
        this.articlesTopic = articlesTopic;
        this.repartitionTopics = repartitions.stream().map(r -> appId + "-" + r + "-repartition").toList();
    }

    /** Partitions of the input topic. */
    int articlePartitions() {
        try {
            return partitions(articlesTopic).size();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + articlesTopic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Waits until everything published is processed; returns the {@link System#nanoTime()} at which
     * that was first seen (polling every {@link #POLL}).
     *
     * @param stall fail when nothing moved for this long
     * @param timeout fail when not done by then
     */
    long awaitDone(long published, StreamsGroup streams, Duration stall, Duration timeout, java.io.PrintStream log)
            throws InterruptedException {
        long start = System.nanoTime();
        long nextReport = start + TimeUnit.SECONDS.toNanos(30);
        long lastMove = start;
        long lastProgress = -1;
        Snapshot s = null;
        while (true) {
            streams.requireAlive();
            try {
                s = snapshot(streams);
            } catch (java.io.UncheckedIOException e) {
                throw streams.failure("does not answer on /health (" + e.getCause() + ")");
            }
            long now = System.nanoTime();
            if (s.done(published)) {
                return now;
            }
            if (now > nextReport) {
                log.println("bench: waiting for the pipeline: " + s);
                nextReport = now + TimeUnit.SECONDS.toNanos(30);
            }
            if (s.progress() != lastProgress) {
                lastProgress = s.progress();
                lastMove = now;
            }
            if (now - lastMove > stall.toNanos()) {
                throw new IllegalStateException("the pipeline made no progress for " + stall.toSeconds() + " s (" + s
                        + "); Streams logs: " + streams.logs() + "\n" + streams.logTail(20));
            }
            if (now - start > timeout.toNanos()) {
                throw new IllegalStateException("the pipeline did not finish within " + timeout.toSeconds() + " s (" + s
                        + "); raise --timeout for large runs");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    Snapshot snapshot(StreamsGroup streams) {
        try {
            // Counters first: if they say all mentions were correlated, the offsets read after them are at least as new.
            Map<String, Long> counters = streams.counters();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(appId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            List<String> topics = new ArrayList<>(repartitionTopics);
            topics.add(articlesTopic);
            for (String topic : topics) {
                for (TopicPartition tp : partitions(topic)) {
                    request.put(tp, OffsetSpec.latest());
                }
            }
            var ends = admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
            long articlesEnd = 0;
            long articlesCommitted = 0;
            long lag = 0;
            for (var e : ends.entrySet()) {
                long end = e.getValue().offset();
                OffsetAndMetadata c = committed.get(e.getKey());
                long at = c == null ? 0 : c.offset();
                if (e.getKey().topic().equals(articlesTopic)) {
                    articlesEnd += end;
                    articlesCommitted += at;
                } else if (end - at > 1) {
                    lag += end - at;
                }
            }
            return new Snapshot(articlesEnd, articlesCommitted, lag, counters.getOrDefault("actions_extracted", 0L),
                    counters.getOrDefault("mentions_correlated", 0L), counters.getOrDefault("dead_lettered", 0L),
                    counters.getOrDefault("articles_processed", 0L));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of group " + appId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sum of the end offsets of each internal topic of the app (repartition and changelogs), by topic name without the app prefix. */
    Map<String, Long> internalEndOffsets() {
        try {
            Map<String, Long> out = new java.util.TreeMap<>();
            List<String> internal = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(appId + "-")).toList();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (String t : internal) {
                for (TopicPartition tp : partitions(t)) {
                    request.put(tp, OffsetSpec.latest());
                }
            }
            admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((tp, info) ->
                    out.merge(tp.topic().substring(appId.length() + 1), info.offset(), Long::sum));
            return out;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the internal topics of " + appId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

    private List<TopicPartition> partitions(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        List<TopicPartition> known = partitions.get(topic);
        if (known != null) {
            return known;
        }
        if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
            return List.of(); // the repartition topic appears when the app starts
        }
        List<TopicPartition> list = new ArrayList<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(p -> list.add(new TopicPartition(topic, p.partition())));
        partitions.put(topic, list);
        return list;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
