package io.riposte.cli;

import io.riposte.streams.RiposteStreamsApp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {
            "Run the Kafka Streams topology (exactly-once v2): articles -> extract -> repartition by dyad -> correlate "
                    + "-> actions, chains, alerts; failures to the dead-letters topic.",
            "Runs until interrupted. Any Streams property can be given with -X or in --config."})
public class StreamsCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--application-id", paramLabel = "ID",
            description = "Streams application.id (default: riposte-streams), behind riposte.topic.prefix when one is set.")
    String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Directory of the local state stores (Streams state.dir).")
    String stateDir;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of the interactive-query HTTP server on riposte.http.host (default 127.0.0.1): "
                    + "GET /chains, /chains/{id}, /dyads/{A}-{B}, /actions/{id}, /health, /metrics; default "
                    + RiposteStreamsApp.DEFAULT_HTTP_PORT + " (riposte.http.port), 0 = a free port, -1 = none.")
    Integer httpPort;

    @Option(names = "--advertised-host", paramLabel = "HOST",
            description = "Host the other instances of this application.id use to reach this query server "
                    + "(riposte.http.advertised.host; with the port it becomes Streams' application.server). "
                    + "Default: riposte.http.host, or this machine's name when that is 0.0.0.0.")
    String advertisedHost;

    @Option(names = "--startup-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait for the app to reach RUNNING (default ${DEFAULT-VALUE}).")
    int startupTimeout;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> config = new java.util.TreeMap<>(client.resolveRequired());
        client.ensureTopics(config);
        if (applicationId != null) {
            config.put("application.id", applicationId);
        }
        if (stateDir != null) {
            config.put("state.dir", stateDir);
        }
        if (httpPort != null) {
            config.put(RiposteStreamsApp.HTTP_PORT, httpPort);
        }
        if (advertisedHost != null) {
            config.put(io.riposte.streams.query.InstanceAddress.ADVERTISED_HOST, advertisedHost);
        }
        // On Ctrl-C or SIGTERM the hook asks for a stop and waits for a clean close (the JVM halts as
        // soon as its hooks return, and an unclean exactly-once shutdown wipes the local state).
        CountDownLatch stop = new CountDownLatch(1);
        RiposteStreamsApp app = Apps.streams(config);
        try (ShutdownGuard guard = ShutdownGuard.install("riposte-streams-shutdown", stop::countDown, Duration.ofSeconds(60))) {
            try {
                app.start();
                if (!app.awaitRunning(Duration.ofSeconds(startupTimeout))) {
                    System.err.println("streams: not RUNNING after " + startupTimeout + " s (state " + app.state()
                            + "); check bootstrap.servers and that the topics exist");
                    return 1;
                }
                System.err.println("streams: " + app.state() + (app.httpUrl() != null ? ", queries on " + app.httpUrl() + "chains" : "")
                        + "; Ctrl-C to stop");
                while (!stop.await(500, TimeUnit.MILLISECONDS)) {
                    if (DemoCommand.streamsProblem(app) != null) {
                        System.err.println("streams: " + DemoCommand.streamsProblem(app));
                        return 1;
                    }
                }
                return 0;
            } finally {
                app.close();
                System.err.println("streams: stopped (state " + app.state() + ")");
            }
        }
    }
}
