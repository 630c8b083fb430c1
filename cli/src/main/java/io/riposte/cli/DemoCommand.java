package io.riposte.cli;

import io.riposte.avro.Chain;
import io.riposte.consumer.AlertFormat;
import io.riposte.consumer.ChainFormat;
import io.riposte.consumer.DyadSink;
import io.riposte.local.EmbeddedCluster;
import io.riposte.producer.ArticleFiles;
import io.riposte.producer.ProduceSummary;
import io.riposte.streams.RiposteStreamsApp;
import io.riposte.topics.TopicAdmin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Run the whole pipeline once on a throw-away local cluster: start an in-process KRaft broker and a schema "
                    + "registry, create the topics, start the Streams topology and the dyad consumer, publish DIR, "
                    + "print the alerts as they come and the final chains, then shut everything down.",
            "DIR defaults to the sample articles bundled with Riposte. Annotation and note files (gold*.jsonl, chains*.jsonl, *.md) "
                    + "are left out."})
public class DemoCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Articles to replay (default: the bundled sample corpus).")
    Path dir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "240",
            description = "Longest wait for the pipeline to process everything (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--quiet", paramLabel = "MILLIS", defaultValue = "3000",
            description = "How long the outputs must stay unchanged, once all input is consumed, to call the run done "
                    + "(default ${DEFAULT-VALUE}).")
    long quietMillis;

    @Option(names = "-X", paramLabel = "KEY=VALUE",
            description = "Any client, Streams or Riposte property for the demo's apps, e.g. -X riposte.topic.prefix=t1. "
                    + "(repeatable).")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        return run(System.out, System.err);
    }

    int run(PrintStream out, PrintStream err) throws Exception {
        ArticleFiles files = ArticleFiles.skippingAnnotations();
        List<Path> cleanup = new ArrayList<>();
        Path input = dir;
        if (input == null) {
            input = SampleCorpus.extract();
            cleanup.add(input);
            out.println("Articles: the bundled sample corpus (" + SampleCorpus.count() + " files)");
        } else {
            files.expand(List.of(input)); // fail on a missing path before starting anything
            out.println("Articles: " + input.toAbsolutePath());
        }
        Path stateDir = java.nio.file.Files.createTempDirectory("riposte-demo-state");
        cleanup.add(stateDir);
        long t0 = System.nanoTime();
        err.println("demo: starting the local Kafka broker and schema registry ...");
        try (EmbeddedCluster cluster = EmbeddedCluster.start()) {
            Map<String, Object> config = new TreeMap<>();
            config.put("bootstrap.servers", cluster.bootstrapServers());
            config.put("schema.registry.url", cluster.registryUrl());
            config.put("state.dir", stateDir.toString());
            // Nobody queries the demo's Streams app, and a fixed port could clash with a running one.
            config.put(RiposteStreamsApp.HTTP_PORT, -1);
            for (String kv : overrides) {
                Map.Entry<String, String> e = io.riposte.cli.config.RiposteConfig.parseOverride(kv);
                config.put(e.getKey(), e.getValue());
            }
            List<String> created = TopicAdmin.createAll(config, Duration.ofSeconds(30));
            err.printf("demo: broker %s, registry %s, %d topics ready (%.1f s)%n", cluster.bootstrapServers(),
                    cluster.registryUrl(), created.size(), (System.nanoTime() - t0) / 1e9);

            List<String> alertLines = new ArrayList<>();
            try (DyadSink sink = new DyadSink(config, DyadSink.Options.defaults(), a -> {
                        String line = AlertFormat.line(a, false);
                        synchronized (out) {
                            alertLines.add(line);
                            out.println("ALERT " + line);
                        }
                    }, err);
                    RiposteStreamsApp streams = Apps.streams(config)) {
                sink.start();
                streams.start();
                if (!streams.awaitRunning(Duration.ofSeconds(60))) {
                    err.println("demo: the Streams app did not reach RUNNING (state " + streams.state() + ")");
                    return 1;
                }
                ProduceSummary summary = ProduceCommand.run(config, List.of(input), files, out, err);
                if (summary.failure() != null) {
                    return 1;
                }
                out.println();
                boolean done = PipelineProgress.awaitDone(config, summary, sink, () -> streamsProblem(streams),
                        Duration.ofSeconds(timeoutSeconds), Duration.ofMillis(quietMillis), err);
                Map<String, String> dyads = sink.dyadJson();
                synchronized (out) { // a straggling alert must not land inside the chain listing
                    printChains(out, sink.chains());
                    out.printf("%nSummary: %d articles published, %d rejected, %d alerts, %d chains, %d dyad records in '%s' (%.1f s)%n",
                            summary.published(), summary.rejectedTotal(), alertLines.size(), sink.chains().size(),
                            dyads.size(), sink.sinkTopic(), (System.nanoTime() - t0) / 1e9);
                }
                if (!done) {
                    err.println("demo: stopped before everything was processed; the results above may be incomplete");
                    return 1;
                }
                if (sink.failure() != null) {
                    return 1;
                }
            }
        } finally {
            for (Path p : cleanup) {
                deleteQuietly(p);
            }
        }
        err.println("demo: shut down cleanly");
        return 0;
    }

    /** Why the Streams app can no longer make progress, or null while it can. */
    static String streamsProblem(RiposteStreamsApp streams) {
        var state = streams.state();
        return switch (state) {
            case ERROR, PENDING_ERROR, NOT_RUNNING, PENDING_SHUTDOWN -> "the Streams app stopped (state " + state
                    + "); see its error above";
            default -> null;
        };
    }

    static void printChains(PrintStream out, List<Chain> chains) {
        out.println("Retaliation chains (" + chains.size() + "):");
        if (chains.isEmpty()) {
            out.println("  (none)");
        }
        for (Chain c : chains) {
            out.print(ChainFormat.render(c));
        }
    }

    static void deleteQuietly(Path p) {
        try (var s = java.nio.file.Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // temporary data; leaving it is harmless
        }
    }
}
