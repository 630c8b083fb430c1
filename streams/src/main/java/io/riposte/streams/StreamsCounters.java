package io.riposte.streams;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

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

    /** Records the topology itself sent to the dead-letter topic (extract and correlate). */
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
                "articlesProcessed", articlesProcessed(),
                "deadLettered", deadLettered(),
                "actionsExtracted", actionsExtracted(),
                "mentionsCorrelated", mentionsCorrelated(),
                "mergedDuplicates", mergedDuplicates(),
                "chainsUpdated", chainsUpdated(),
                "alertsEmitted", alertsEmitted());
    }
}
