package io.riposte.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.producer.ProduceSummary;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The checks every interrupted run ends with, once the app has caught up: (a) compacted {@code actions}
 * and {@code chains} equal the uninterrupted run's, (b) no alert id twice, (c) no transaction left open
 * on any partition, (d) the counts reconcile: articles in = consumed = processed + dead-lettered.
 */
final class EndState {
    private EndState() {}

    /** Waits until the app consumed all {@code articles}; returns the seconds it took. */
    static double awaitCaughtUp(ClusterCheck check, int articles, StreamsJvm app, Duration timeout) throws InterruptedException {
        return await("the app to consume all " + articles + " articles", () -> check.caughtUp(articles), app, timeout);
    }

    /**
     * Verifies the end state and returns one line of figures. {@code openTransactionWait} bounds the wait
     * for a transaction a killed instance left behind to be aborted by the coordinator (the
     * transaction timeout, 10 s under exactly-once); what is still open after it is a dangling transaction.
     */
    static String verify(String label, ClusterCheck check, String registryUrl, Outputs expected, int articles,
            ProduceSummary summary, StreamsJvm app, Duration openTransactionWait) throws InterruptedException {
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

        // (d) articles in = consumed = processed + dead-lettered, and no article lost or doubled on the way in.
        assertThat(summary.failure()).as("%s: producer failure", label).isNull();
        assertThat(summary.published()).as("%s: articles the producer published", label).isEqualTo(articles);
        assertThat(check.articlesOnTopic()).as("%s: records on the articles topic", label).isEqualTo(articles);
        assertThat(check.articlesConsumed()).as("%s: articles consumed (committed offsets)", label).isEqualTo(articles);
        assertThat(actual.deadLetters).as("%s: dead letters (article | stage | reason -> count)", label).isEqualTo(expected.deadLetters);
        long deadLettered = actual.deadLetters.keySet().stream().map(k -> k.substring(0, k.indexOf(" | "))).distinct().count();
        long processed = check.articlesConsumed() - deadLettered;

        return String.format("%s: %d articles in (producer: %s) = %d processed + %d dead-lettered; records checked (read_committed) %s;"
                        + " %d actions, %d chains, %d distinct alert ids; %d partitions with LSO == HWM (waited %.1f s for open transactions)",
                label, articles, summary, processed, deadLettered, actual.recordsRead, actual.actions.size(), actual.chains.size(),
                actual.alertIds.size(), partitions.size(), settle);
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
