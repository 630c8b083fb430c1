package io.riposte.cli;

import io.riposte.consumer.DyadSink;
import io.riposte.producer.ProduceSummary;
import io.riposte.streams.RiposteStreamsApp;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** Lets the end-to-end tests use the demo's own wiring instead of a copy of it. */
public final class TestAccess {
    private TestAccess() {}

    public static boolean awaitDone(Map<String, Object> config, ProduceSummary summary, DyadSink sink, RiposteStreamsApp streams,
            Duration timeout, Duration quiet, PrintStream err) throws InterruptedException {
        return PipelineProgress.awaitDone(config, summary, sink, () -> DemoCommand.streamsProblem(streams), timeout, quiet, err);
    }

    public static RiposteStreamsApp streamsApp(Map<String, Object> config) {
        return Apps.streams(config);
    }
}
