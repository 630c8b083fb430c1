package io.riposte.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Article;
import io.riposte.producer.ProduceSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.IsolationLevel;

/**
 * The checks every interrupted run ends with, once the app has caught up: (a) compacted {@code actions}
 * and {@code chains} equal the uninterrupted run's, (b) no alert id twice, (c) no transaction left open
 * on any partition, (d) the counts reconcile: articles in = consumed = processed + dead-lettered.
 */
final class EndState {
    private EndState() {}

    /** Waits until the app consumed every record on {@code articles}; returns the seconds it took. */
    static double awaitCaughtUp(ExactlyOnceAudit check, StreamsJvm app, Duration timeout) throws InterruptedException {
        return await("the app to consume every article record", check::caughtUp, app, timeout);
    }

    /** The figures of a verified run, and how many records aborted transactions left (visible read_uncommitted only). */
    record Verified(String figures, long abortedRecords) {}

    /**
     * Verifies the end state and returns its figures. {@code openTransactionWait} bounds the wait
     * for a transaction a killed instance left behind to be aborted by the coordinator (the
     * transaction timeout, 10 s under exactly-once); what is still open after it is a dangling transaction.
     */
    static Verified verify(String label, ExactlyOnceAudit check, String registryUrl, Outputs expected, List<Article> articles,
            ProduceSummary summary, boolean inputDuplicatesAllowed, StreamsJvm app, Duration openTransactionWait) throws InterruptedException {
        // A replay that stopped explains any missing output: say so first.
        assertThat(summary.failure()).as("%s: producer failure (%s)", label, summary).isNull();
        var partitions = check.allPartitions();
        double settle = await("every transaction to be closed", () -> check.openTransactions(partitions).isEmpty(), app, openTransactionWait);
        // (c) LSO == HWM everywhere: outputs, repartition and changelog topics.
        assertThat(check.openTransactions(partitions)).as("%s: partitions with an open transaction", label).isEmpty();

        Outputs actual = check.readCommitted(registryUrl);

        // (a) the final compacted content equals the uninterrupted run's.
        assertThat(expected.actions).as("oracle actions").isNotEmpty();
        assertThat(expected.chains).as("oracle chains").isNotEmpty();
        assertThat(diff(expected.actions, actual.actions)).as("%s: actions differing from the uninterrupted run", label).isEmpty();
        assertThat(actual.actions).as("%s: actions", label).isEqualTo(expected.actions);
        assertThat(diff(expected.chains, actual.chains)).as("%s: chains differing from the uninterrupted run", label).isEmpty();
        assertThat(actual.chains).as("%s: chains", label).isEqualTo(expected.chains);

        // (b) no alert announced twice.
        assertThat(expected.alertIds).as("oracle alerts").isNotEmpty();
        assertThat(expected.duplicateAlertIds()).as("alert ids twice in the uninterrupted run").isEmpty();
        assertThat(actual.alertIds).as("%s: alerts", label).isNotEmpty();
        assertThat(actual.duplicateAlertIds()).as("%s: alert ids appearing more than once (read_committed)", label).isEmpty();

        // (d) nothing lost on the way in; records in = consumed = processed + dead-lettered.
        assertThat(summary.published()).as("%s: articles the producer published", label).isEqualTo(articles.size());
        Map<String, Integer> onTopic = check.articleKeys();
        assertThat(onTopic.keySet()).as("%s: article ids on the articles topic", label)
                .isEqualTo(articles.stream().map(Article::id).collect(Collectors.toSet()));
        List<String> twice = onTopic.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
        long records = check.articlesOnTopic();
        if (!inputDuplicatesAllowed) {
            assertThat(twice).as("%s: articles written twice on the articles topic", label).isEmpty();
        }
        assertThat(check.articlesConsumed()).as("%s: article records consumed (committed offsets)", label).isEqualTo(records);
        assertThat(actual.deadLetters).as("%s: dead letters (article | stage | reason -> count)", label).isEqualTo(expected.deadLetters);
        long deadLettered = actual.deadLetters.keySet().stream().map(k -> k.substring(0, k.indexOf(" | "))).distinct().count();
        long processed = check.articlesConsumed() - deadLettered;

        // What the killed instances sent but never committed: there for a read_uncommitted reader, hidden from ours.
        Outputs uncommitted = check.read(registryUrl, IsolationLevel.READ_UNCOMMITTED);
        long aborted = 0;
        Map<String, Long> abortedByTopic = new TreeMap<>();
        for (var e : uncommitted.recordsRead.entrySet()) {
            long n = e.getValue() - actual.recordsRead.getOrDefault(e.getKey(), 0L);
            abortedByTopic.put(e.getKey(), n);
            aborted += n;
        }

        return new Verified(String.format("%s: %d articles published (producer: %s), all on the topic, as %d records"
                        + " (written twice by the broker: %s), all consumed = %d processed + %d dead-lettered; records checked (read_committed) %s;"
                        + " %d actions, %d chains, %d distinct alert ids; %d partitions with LSO == HWM (waited %.1f s for open transactions);"
                + " aborted records (read_uncommitted only) %s, alert ids twice read_uncommitted %d",
                label, articles.size(), summary, records, twice, processed, deadLettered, actual.recordsRead, actual.actions.size(), actual.chains.size(),
                actual.alertIds.size(), partitions.size(), settle, abortedByTopic, uncommitted.duplicateAlertIds().size()), aborted);
    }

    /** Keys missing, extra or different, at most a few of each, for a readable failure. */
    static <V> String diff(Map<String, V> expected, Map<String, V> actual) {
        TreeSet<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(actual.keySet());
        TreeSet<String> extra = new TreeSet<>(actual.keySet());
        extra.removeAll(expected.keySet());
        TreeSet<String> changed = new TreeSet<>();
        expected.forEach((k, v) -> {
            if (actual.containsKey(k) && !Objects.equals(v, actual.get(k))) {
                changed.add(k);
            }
        });
        if (missing.isEmpty() && extra.isEmpty() && changed.isEmpty()) {
            return "";
        }
        return "missing " + missing.size() + " " + first(missing) + ", extra " + extra.size() + " " + first(extra)
                + ", different " + changed.size() + " " + first(changed)
                + (changed.isEmpty() ? "" : "; first difference: expected " + expected.get(changed.first()) + " but was " + actual.get(changed.first()));
    }

    private static String first(TreeSet<String> keys) {
        return keys.stream().limit(5).toList().toString();
    }

    /** Polls {@code condition} every 500 ms; fails with the app's log tail if the app exits or time runs out. */
    static double await(String what, BooleanSupplier condition, StreamsJvm app, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (app != null && !app.alive()) {
                throw new AssertionError("the Streams JVM exited (" + app.exitValue() + ") while waiting for " + what + ":\n" + app.tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + (app == null ? "" : "; Streams log:\n" + app.tail()));
            }
            Thread.sleep(500);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
