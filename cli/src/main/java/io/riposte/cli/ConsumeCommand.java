package io.riposte.cli;

import io.riposte.consumer.AlertFormat;
import io.riposte.consumer.DyadSink;
import io.riposte.consumer.web.ConsumerHttpServer;
import io.riposte.topics.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "consume", mixinStandardHelpOptions = true,
        description = {
            "Read 'chains', 'actions' and 'alerts' with read_committed, print alerts one line each, and keep the "
                    + "per-dyad view (current chains, last step, escalation level, pending threats, time of last change) "
                    + "upserted as JSON in the sink topic (key A-B).",
            "Runs until interrupted, or with --exit-when-idle until the inputs are read and quiet.",
            "With --http-port it also serves the dashboard (/), the live alert feed (/events), /health and /metrics."})
public class ConsumeCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--sink-topic", paramLabel = "TOPIC",
            description = "Topic receiving one JSON record per dyad, used as given (default: " + Topics.DYADS
                    + " behind riposte.topic.prefix).")
    String sinkTopic;

    @Option(names = "--from-beginning", description = "Also print the alerts already on the topic at start.")
    boolean fromBeginning;

    @Option(names = "--exit-when-idle", paramLabel = "SECONDS",
            description = "Stop once everything committed has been read and nothing new came for this long.")
    Integer exitWhenIdle;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Serve the dashboard, /events, /health and /metrics on this port (0 = any free port; default: no HTTP).")
    Integer httpPort;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address the HTTP server binds (default ${DEFAULT-VALUE}; other machines cannot reach it unless changed). "
                    + "Any other address needs riposte.http.auth.token or riposte.http.auth.basic (e.g. -X or RIPOSTE_KAFKA_*).")
    String httpHost;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> config = client.resolveRequired();
        client.ensureTopics(config);
        PrintStream out = System.out;
        boolean colour = AlertFormat.colourOnThisTerminal();
        DyadSink sink = new DyadSink(config, new DyadSink.Options(sinkTopic, fromBeginning, Duration.ofMillis(200)),
                a -> {
                    synchronized (out) {
                        out.println(AlertFormat.line(a, colour));
                    }
                }, System.err);
        ConsumerHttpServer web = null;
        if (httpPort != null) {
            var registry = ConsumerHttpServer.newRegistry();
            sink.withMetrics(registry);
            web = ConsumerHttpServer.start(sink, registry, httpHost, httpPort, io.riposte.http.HttpExposure.from(config));
            sink.withEveryAlert(web::onAlert);
            System.err.println("consume: dashboard at " + web.url() + " (also /health, /metrics, /events)");
        }
        // On Ctrl-C or SIGTERM the hook asks the loop below to stop and waits until the summary is out,
        // because the JVM halts as soon as its hooks return.
        CountDownLatch stop = new CountDownLatch(1);
        try (ShutdownGuard guard = ShutdownGuard.install("riposte-consume-shutdown", stop::countDown, Duration.ofSeconds(15))) {
            sink.start();
            while (!stop.await(200, TimeUnit.MILLISECONDS)) {
                if (sink.failure() != null) {
                    break;
                }
                if (exitWhenIdle != null && sink.caughtUp()
                        && System.nanoTime() - sink.lastChangeNanos() > Duration.ofSeconds(exitWhenIdle).toNanos()) {
                    break;
                }
            }
            sink.close();
            if (web != null) {
                web.close();
            }
            System.err.printf("consume: read %d records, %d alerts, wrote %d dyad records to '%s' and '%s'%n",
                    sink.recordsRead(), sink.alertsSeen(), sink.upserts(), sink.sinkTopic(), sink.avroSinkTopic());
        }
        return sink.failure() == null ? 0 : 1;
    }
}
