package io.riposte.producer;

/** Hears how a run advances, for a progress bar or periodic log lines. */
public interface Progress extends AutoCloseable {
    Progress NONE = new Progress() {
        @Override
        public void start(long total) {}

        @Override
        public void advance(ProduceSummary summary) {}
    };

    /** The run is about to handle {@code total} items (files while streaming, articles when ordered); -1 if unknown. */
    void start(long total);

    /** One more item handled; the summary holds the counts so far. */
    void advance(ProduceSummary summary);

    @Override
    default void close() {}
}
