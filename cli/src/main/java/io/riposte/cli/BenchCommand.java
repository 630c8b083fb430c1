package io.riposte.cli;

import io.riposte.cli.bench.BenchReport;
import io.riposte.cli.bench.BenchRun;
import io.riposte.cli.config.RiposteConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
            "Benchmark the whole pipeline on an embedded cluster (in this JVM) with exactly-once v2, the Streams app in "
                    + "a JVM of its own, on seeded synthetic articles.",
            "throughput: --articles published as fast as possible; end to end = articles / (first publish -> the app has "
                    + "committed every article and correlated every mention).",
            "latency: --rate articles/s for --duration s; publish -> alert percentiles (the alert's append time, and when a "
                    + "read_committed reader got it).",
            "Then heap after GC and RSS of the Streams JVMs, and what the output topics hold. Prints a table and writes JSON.",
            "--instances N runs N Streams JVMs as one group; --ceiling adds the pass-through topology's throughput on the "
                    + "same articles, Riposte's Kafka ceiling on this machine.",
            "See docs/benchmarks.md."})
public class BenchCommand implements Callable<Integer> {
    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "all",
            description = "throughput, latency or all (throughput, then latency on the same app; default ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "20000",
            description = "Articles of the throughput phase (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "100",
            description = "Articles/s of the latency phase (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "60",
            description = "Length of the latency phase (default ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "-1",
            description = "Latency phase: publish at --rate for this long first, left out of the percentiles "
                    + "(default: 0 after a throughput phase, which warms the JVMs; 10 with --mode latency).")
    int warmup;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
            description = "Streams JVMs sharing one application.id, each with its own state dir and query port "
                    + "(default ${DEFAULT-VALUE}); the report gives each one's figures and the totals.")
    int instances;

    @Option(names = "--ceiling",
            description = "After Riposte, run the pass-through topology (same topic kinds, serdes, partitions, exactly-once v2, "
                    + "one repartition, no work) on the same --articles with the same instances and threads, under the "
                    + "topic prefix <prefix>pass-through.; the report gives Riposte's end to end as a fraction of it.")
    boolean ceiling;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX",
            description = "riposte.topic.prefix of the run (also read from -S riposte.topic.prefix=...): every topic and the "
                    + "application id behind it, as for the other commands.")
    String topicPrefix;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic articles (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--streams-heap", paramLabel = "SIZE", defaultValue = "2g",
            description = "-Xmx of the Streams JVM (default ${DEFAULT-VALUE}).")
    String streamsHeap;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "num.stream.threads of each Streams instance (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = {"-S", "--streams-property"}, paramLabel = "KEY=VALUE",
            description = "A Streams or client property for the Streams app, e.g. -S commit.interval.ms=200 (repeatable).")
    List<String> streamsProperties = new ArrayList<>();

    @Option(names = "--jvm-option", paramLabel = "OPTION",
            description = "An option of the Streams JVM, e.g. --jvm-option=-XX:StartFlightRecording=filename=/tmp/s.jfr (repeatable).")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Longest wait for the pipeline to finish a phase (default ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Fail when the pipeline makes no progress for this long (default ${DEFAULT-VALUE}).")
    long stallTimeout;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Keep the Streams state and log here (default: a temporary directory, deleted after a successful run).")
    Path workDir;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench.json",
            description = "Where to write the figures as JSON (default ${DEFAULT-VALUE}, in the working directory).")
    Path json;

    @Override
    public Integer call() throws Exception {
        BenchRun.Mode m = switch (mode.toLowerCase()) {
            case "throughput" -> BenchRun.Mode.THROUGHPUT;
            case "latency" -> BenchRun.Mode.LATENCY;
            case "all" -> BenchRun.Mode.ALL;
            default -> throw new IllegalArgumentException("--mode must be throughput, latency or all, not " + mode);
        };
        if (articles < 1 || rate <= 0 || duration < 1 || threads < 1 || instances < 1) {
            throw new IllegalArgumentException("--articles, --rate, --duration, --threads and --instances must be positive");
        }
        if (ceiling && m == BenchRun.Mode.LATENCY) {
            throw new IllegalArgumentException("--ceiling compares with the throughput phase: use --mode throughput or all");
        }
        Map<String, String> props = new LinkedHashMap<>();
        for (String kv : streamsProperties) {
            Map.Entry<String, String> e = RiposteConfig.parseOverride(kv);
            props.put(e.getKey(), e.getValue());
        }
        if (topicPrefix != null) {
            props.put(io.riposte.topics.Topics.PREFIX_CONFIG, topicPrefix);
        }
        io.riposte.topics.Topics.prefix(props); // an illegal prefix fails here, before a cluster starts
        BenchRun.Settings settings = new BenchRun.Settings(m, articles, rate, duration, warmup, seed, streamsHeap, threads,
                instances, ceiling, props, jvmOptions, Duration.ofSeconds(timeout), Duration.ofSeconds(stallTimeout), workDir);
        BenchReport report = new BenchRun(settings, System.err).run();
        report.printTable(System.out);
        report.writeJson(json);
        System.err.println("bench: figures written to " + json.toAbsolutePath());
        return 0;
    }
}
