package io.riposte.streams;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * What the topology did since this instance started (not across restarts or instances; Kafka's
 * own metrics, e.g. {@code dropped-records-total}, cover the built-in handlers).
 */
public final class StreamsCounters {
    final AtomicLong articlesProcessed = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong actionsExtracted = new AtomicLong();
    final AtomicLong mentionsCorrelated = new AtomicLong();
    final AtomicLong mergedDuplicates = new AtomicLong();
    final AtomicLong chainsUpdated = new AtomicLong();
    final AtomicLong alertsEmitted = new AtomicLong();

    /** Articles read from the source topic, whatever became of them. */
    public long articlesProcessed() {
        return articlesProcessed.get();
    }

    /** Counts a dead letter written outside the topology's processors (the deserialization handler). */
    public void countDeadLetter() {
        deadLettered.incrementAndGet();
    }

    /** Records sent to the dead-letter topic: by the deserialization handler, extract and correlate. */
    public long deadLettered() {
        return deadLettered.get();
    }

    public long actionsExtracted() {
        return actionsExtracted.get();
    }

    public long mentionsCorrelated() {
        return mentionsCorrelated.get();
    }

    /** Mentions that joined an action other mentions already reported. */
    public long mergedDuplicates() {
        return mergedDuplicates.get();
    }

    /** Chain upserts and tombstones emitted. */
    public long chainsUpdated() {
        return chainsUpdated.get();
    }

    public long alertsEmitted() {
        return alertsEmitted.get();
    }

    public Map<String, Long> snapshot() {
        return Map.of(
                "articles_processed", articlesProcessed(),
                "dead_lettered", deadLettered(),
                "actions_extracted", actionsExtracted(),
                "mentions_correlated", mentionsCorrelated(),
                "merged_duplicates", mergedDuplicates(),
                "chains_updated", chainsUpdated(),
                "alerts_emitted", alertsEmitted());
    }

    /**
     * Registers every counter with Micrometer as a function counter (Prometheus:
     * {@code riposte_streams_<what>_total}, as the consumer's are {@code riposte_consumer_<what>_total}),
     * so the topology keeps its plain atomics and scrapes read them.
     */
    public void bindTo(MeterRegistry registry) {
        counter(registry, "riposte.streams.articles.processed", "Articles read from the articles topic", StreamsCounters::articlesProcessed);
        counter(registry, "riposte.streams.actions.extracted", "Action mentions extracted from articles", StreamsCounters::actionsExtracted);
        counter(registry, "riposte.streams.mentions.correlated", "Action mentions through the correlator", StreamsCounters::mentionsCorrelated);
        counter(registry, "riposte.streams.merged.duplicates", "Mentions merged into an action other mentions already reported", StreamsCounters::mergedDuplicates);
        counter(registry, "riposte.streams.dead.letters", "Records the topology sent to the dead-letter topic", StreamsCounters::deadLettered);
        counter(registry, "riposte.streams.chains.updated", "Chain upserts and tombstones emitted", StreamsCounters::chainsUpdated);
        counter(registry, "riposte.streams.alerts.emitted", "Alerts emitted", StreamsCounters::alertsEmitted);
        io.riposte.registry.RegistryHealth.global().bindTo(registry, "streams");
    }

    private void counter(MeterRegistry registry, String name, String help, ToDoubleFunction<StreamsCounters> f) {
        FunctionCounter.builder(name, this, f).description(help).tag("app", "streams").register(registry);
    }
}
