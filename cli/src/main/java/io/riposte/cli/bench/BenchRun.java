package io.riposte.cli.bench;

import io.riposte.domain.Article;
import io.riposte.local.EmbeddedCluster;
import io.riposte.producer.ArticlePublisher;
import io.riposte.producer.InputItem;
import io.riposte.producer.ProduceSummary;
import io.riposte.producer.Progress;
import io.riposte.producer.ReplayOptions;
import io.riposte.streams.RiposteStreamsApp;
import io.riposte.synthetic.ArticleGenerator;
import io.riposte.topics.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * One {@code riposte bench} run: an embedded cluster in this JVM, the Streams app in its own JVM
 * ({@link StreamsProcess}), synthetic articles ({@link ArticleGenerator}) published with the
 * project's producer, then the figures in a {@link BenchReport}.
 */
public final class BenchRun {
    public enum Mode { THROUGHPUT, LATENCY, ALL }

    /**
     * @param streamsProperties extra Streams properties for the app ({@code -X} of {@code riposte streams})
     * @param jvmOptions extra options of the Streams JVM (e.g. a JFR recording)
     * @param workDir where the state, the Streams log and the recordings go; null = a temporary directory, deleted after a successful run
     */
    public record Settings(Mode mode, int articles, double rate, int durationSeconds, long seed, String streamsHeap,
            int threads, Map<String, String> streamsProperties, List<String> jvmOptions, Duration timeout,
            Duration stall, Path workDir) {}

    private static final String APP_ID = RiposteStreamsApp.DEFAULT_APPLICATION_ID;

    private final Settings settings;
    private final PrintStream log;
    private final BenchReport report = new BenchReport();
    private final ArticleGenerator generator;
    private long published;

    public BenchRun(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
        long total = (settings.mode() != Mode.LATENCY ? settings.articles() : 0)
                + (settings.mode() != Mode.THROUGHPUT ? Math.round(settings.rate() * settings.durationSeconds()) : 0);
        // News-like density whatever the size: past ~29,000 articles the plain generator packs each dyad's
        // 20 years with rows until they merge into one endless episode, which no news corpus does.
        this.generator = ArticleGenerator.newsLike(settings.seed(), total);
    }

    public BenchReport run() throws Exception {
        Path work = settings.workDir() != null ? Files.createDirectories(settings.workDir())
                : Files.createTempDirectory("riposte-bench-");
        boolean ok = false;
        describeRun(work);
        log.println("bench: starting the embedded cluster");
        try (EmbeddedCluster cluster = EmbeddedCluster.start()) {
            Map<String, String> props = new LinkedHashMap<>();
            props.put("num.stream.threads", Integer.toString(settings.threads()));
            props.putAll(settings.streamsProperties());
            log.println("bench: starting the Streams app (-Xmx" + settings.streamsHeap() + ", " + props + "), log " + work.resolve("streams.log"));
            Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrapServers(),
                    "schema.registry.url", cluster.registryUrl());
            try (StreamsProcess streams = StreamsProcess.start(cluster.bootstrapServers(), cluster.registryUrl(), work,
                            settings.streamsHeap(), settings.jvmOptions(), props, Duration.ofSeconds(120));
                    PipelineWatch watch = new PipelineWatch(cluster.bootstrapServers(), APP_ID);
                    ArticlePublisher publisher = new ArticlePublisher(client, log)) {
                report.put("run", "streams_pid", streams.pid(), null);
                if (settings.mode() != Mode.LATENCY) {
                    throughput(publisher, streams, watch);
                }
                if (settings.mode() != Mode.THROUGHPUT) {
                    latency(publisher, streams, watch, cluster.bootstrapServers());
                }
                resources(streams, work);
                counts(cluster.bootstrapServers(), streams, watch);
                // RocksDB keeps recent writes in memory tables until it flushes them; a clean shutdown flushes all.
                streams.close();
                report.put("resources", "state_dir_after_close_bytes", sizeOnDisk(work.resolve("state")),
                        "Streams state directory after a clean shutdown");
            }
            ok = true;
        } finally {
            report.put("run", "load_average_end", loadAverage(), "load average at the end");
            if (ok && settings.workDir() == null) {
                delete(work);
            } else if (!ok) {
                log.println("bench: kept " + work + " (Streams log: " + work.resolve("streams.log") + ")");
            }
        }
        return report;
    }

    private void describeRun(Path work) {
        report.put("run", "date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "date (UTC)");
        report.put("run", "cores", Runtime.getRuntime().availableProcessors(), "cores");
        report.put("run", "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), "java");
        report.put("run", "load_average_start", loadAverage(), "load average at the start");
        report.put("run", "work_dir", work.toString(), null);
        report.put("settings", "mode", settings.mode().name().toLowerCase(), "mode");
        report.put("settings", "seed", settings.seed(), "seed");
        report.put("settings", "streams_heap", settings.streamsHeap(), "Streams -Xmx");
        report.put("settings", "threads", settings.threads(), "num.stream.threads");
        report.put("settings", "streams_properties", new LinkedHashMap<>(settings.streamsProperties()),
                settings.streamsProperties().isEmpty() ? null : "Streams properties");
        report.put("settings", "processing_guarantee", "exactly_once_v2", null);
    }

    /** (a) N articles as fast as the producer sends them; end to end until the app has committed all of them. */
    private void throughput(ArticlePublisher publisher, StreamsProcess streams, PipelineWatch watch) throws Exception {
        int n = settings.articles();
        log.printf("bench: throughput: publishing %,d articles as fast as possible%n", n);
        // Generating an article costs the bench JVM about as much CPU as publishing it, and the two cores
        // are shared with the Streams app: so the articles are generated before the clock starts when
        // they fit in half the heap (about 8 KB each), like an archive being replayed; otherwise a
        // thread of its own generates them while they are published, and the report says so.
        boolean before = (long) n * 8_000 < Runtime.getRuntime().maxMemory() / 2;
        report.put("throughput", "generated", before ? "before the clock" : "while publishing", "articles generated");
        BlockingQueue<Article> queue = new ArrayBlockingQueue<>(before ? n : 2048);
        Runnable generate = () -> {
            try {
                for (int i = 0; i < n; i++) {
                    queue.put(generator.next().article());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        if (before) {
            generate.run();
        } else {
            Thread gen = new Thread(generate, "riposte-bench-generator");
            gen.setDaemon(true);
            gen.start();
        }
        ArticlePublisher.Session session = publisher.session(ReplayOptions.AS_FAST_AS_POSSIBLE, Progress.NONE);
        double cpu0 = streams.cpuSeconds();
        double benchCpu0 = StreamsProcess.cpuSeconds(ProcessHandle.current());
        long start = System.nanoTime();
        long nextReport = start + TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; i < n; i++) {
            Article a = queue.poll(30, TimeUnit.SECONDS);
            if (a == null) {
                throw new IllegalStateException("the generator produced nothing for 30 s");
            }
            session.publish(new InputItem.Parsed(a.origin(), a));
            if (session.summary().failure() != null) {
                throw new IllegalStateException("publishing failed: " + session.summary().failure());
            }
            if (System.nanoTime() > nextReport) {
                log.printf("bench: %,d published; %s%n", i + 1, watch.snapshot(streams));
                nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            }
        }
        ProduceSummary summary = session.flush();
        long sent = System.nanoTime();
        if (summary.failure() != null || summary.published() != n) {
            throw new IllegalStateException("published " + summary.published() + " of " + n + " articles: " + summary.failure());
        }
        published += n;
        log.printf("bench: published in %.1f s; waiting for the pipeline%n", (sent - start) / 1e9);
        long done = watch.awaitDone(published, streams, settings.stall(), settings.timeout(), log);
        double cpu = streams.cpuSeconds() - cpu0;
        double benchCpu = StreamsProcess.cpuSeconds(ProcessHandle.current()) - benchCpu0;
        double publishS = (sent - start) / 1e9;
        double totalS = (done - start) / 1e9;
        report.put("throughput", "articles", n, "articles");
        report.put("throughput", "publish_seconds", publishS, "publish time (s)");
        report.put("throughput", "publish_articles_per_s", n / publishS, "publish rate (articles/s)");
        report.put("throughput", "end_to_end_seconds", totalS, "first publish -> all committed (s)");
        report.put("throughput", "end_to_end_articles_per_s", n / totalS, "end to end (articles/s)");
        // On a shared machine the wall-clock rate depends on what else runs; CPU used per article does much less.
        report.put("throughput", "streams_cpu_seconds", cpu, "Streams JVM CPU time (s)");
        report.put("throughput", "articles_per_streams_cpu_second", n / cpu, "articles per Streams CPU-second");
        report.put("throughput", "bench_cpu_seconds", benchCpu, "bench JVM CPU time (s: broker, registry, producer, generator)");
        report.put("throughput", "load_average", loadAverage(), "load average after the phase");
    }

    /** (b) a fixed rate for a fixed time; publish -> alert from the article's send time to the alert's append and read times. */
    private void latency(ArticlePublisher publisher, StreamsProcess streams, PipelineWatch watch, String bootstrap)
            throws Exception {
        double rate = settings.rate();
        int n = (int) Math.round(rate * settings.durationSeconds());
        log.printf("bench: latency: %,d articles at %.0f/s for %d s%n", n, rate, settings.durationSeconds());
        Map<String, Long> sentAt = new HashMap<>(n * 2);
        try (OutputTail tail = new OutputTail(bootstrap)) {
            ArticlePublisher.Session session = publisher.session(ReplayOptions.AS_FAST_AS_POSSIBLE, Progress.NONE);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Article a = generator.next().article();
                sentAt.put(a.id(), System.currentTimeMillis());
                session.publish(new InputItem.Parsed(a.origin(), a));
                if (session.summary().failure() != null) {
                    throw new IllegalStateException("publishing failed: " + session.summary().failure());
                }
            }
            ProduceSummary summary = session.flush();
            double took = (System.nanoTime() - start) / 1e9;
            if (summary.failure() != null || summary.published() != n) {
                throw new IllegalStateException("published " + summary.published() + " of " + n + " articles: " + summary.failure());
            }
            published += n;
            watch.awaitDone(published, streams, settings.stall(), settings.timeout(), log);
            tail.awaitReached(TopicCounts.ends(bootstrap, List.of(Topics.ALERTS, Topics.ACTIONS, Topics.CHAINS)),
                    Duration.ofSeconds(60));
            List<OutputTail.Seen> seen = tail.seen();
            report.put("latency", "articles", n, "articles");
            report.put("latency", "target_rate", rate, "target rate (articles/s)");
            report.put("latency", "achieved_rate", n / took, "achieved rate (articles/s)");
            Histogram appended = new Histogram(3);
            Histogram visible = new Histogram(3);
            for (OutputTail.Seen s : seen) {
                Long t = s.causeArticleId() == null ? null : sentAt.get(s.causeArticleId());
                if (t != null && s.topic().equals(Topics.ALERTS)) {
                    appended.recordValue(Math.max(0, s.appendTime() - t));
                    visible.recordValue(Math.max(0, s.receivedAt() - t));
                }
            }
            report.put("latency", "publish_to_alert_append_ms", percentiles(appended), "publish -> alert appended (ms)");
            report.put("latency", "publish_to_alert_visible_ms", percentiles(visible), "publish -> alert read, read_committed (ms)");
            report.put("latency", "publish_to_first_action_visible_ms", percentiles(firstPerArticle(seen, Topics.ACTIONS, sentAt)),
                    "publish -> first action read (ms)");
            report.put("latency", "publish_to_first_chain_visible_ms", percentiles(firstPerArticle(seen, Topics.CHAINS, sentAt)),
                    "publish -> first chain read (ms)");
            report.put("latency", "load_average", loadAverage(), "load average after the phase");
        }
    }

    private static Histogram firstPerArticle(List<OutputTail.Seen> seen, String topic, Map<String, Long> sentAt) {
        Map<String, Long> first = new HashMap<>();
        for (OutputTail.Seen s : seen) {
            if (s.topic().equals(topic) && s.causeArticleId() != null && sentAt.containsKey(s.causeArticleId())) {
                first.merge(s.causeArticleId(), s.receivedAt(), Math::min);
            }
        }
        Histogram h = new Histogram(3);
        first.forEach((id, at) -> h.recordValue(Math.max(0, at - sentAt.get(id))));
        return h;
    }

    private static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        if (h.getTotalCount() > 0) {
            m.put("p50", h.getValueAtPercentile(50));
            m.put("p95", h.getValueAtPercentile(95));
            m.put("p99", h.getValueAtPercentile(99));
            m.put("max", h.getMaxValue());
        }
        return m;
    }

    /** (c) heap after a full GC and RSS of the Streams JVM, the bench JVM's, and the state on disk. */
    private void resources(StreamsProcess streams, Path work) throws InterruptedException {
        report.put("resources", "streams_heap_used_before_gc_bytes", streams.heapUsed(), "Streams heap used, before GC");
        report.put("resources", "streams_heap_used_after_gc_bytes", streams.heapUsedAfterGc(), "Streams heap used after a full GC");
        report.put("resources", "streams_rss_bytes", streams.rssBytes(), "Streams RSS");
        report.put("resources", "streams_peak_rss_bytes", streams.peakRssBytes(), "Streams peak RSS (VmHWM)");
        report.put("resources", "state_dir_bytes", sizeOnDisk(work.resolve("state")), "Streams state directory (running)");
        System.gc();
        Runtime rt = Runtime.getRuntime();
        report.put("resources", "bench_heap_used_after_gc_bytes", rt.totalMemory() - rt.freeMemory(),
                "bench JVM heap after GC (broker, registry, producer)");
        report.put("resources", "bench_rss_bytes", StreamsProcess.ProcStatus.rssBytes(ProcessHandle.current().pid()), "bench JVM RSS");
    }

    /** What the app read and what the output topics hold (read_committed), to reconcile the run. */
    private void counts(String bootstrap, StreamsProcess streams, PipelineWatch watch) {
        PipelineWatch.Snapshot s = watch.snapshot(streams);
        report.put("counts", "articles_published", published, "articles published");
        report.put("counts", "articles_committed", s.articlesCommitted(), "articles committed by Streams (offsets)");
        report.put("counts", "articles_processed", s.processed(), "articles processed (app counter)");
        report.put("counts", "mentions_extracted", s.extracted(), "action mentions extracted");
        report.put("counts", "mentions_correlated", s.correlated(), "action mentions correlated");
        report.put("counts", "dead_lettered", s.deadLettered(), "dead-lettered by the app");
        for (String topic : List.of(Topics.ACTIONS, Topics.CHAINS, Topics.ALERTS, Topics.DEAD_LETTERS)) {
            TopicCounts.Count c = TopicCounts.count(bootstrap, topic, Duration.ofMinutes(10));
            String key = topic.replace('-', '_');
            report.put("counts", key + "_records", c.records(), "'" + topic + "' records");
            if (!topic.equals(Topics.ALERTS) && !topic.equals(Topics.DEAD_LETTERS)) {
                report.put("counts", key + "_live", c.liveKeys(), "'" + topic + "' live keys (after compaction)");
            }
        }
        // What the app makes the broker store besides its outputs: the by-dyad topic and the store changelogs.
        report.put("counts", "internal_topic_offsets", watch.internalEndOffsets(),
                "end offsets of the app's internal topics (records + transaction markers)");
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | UncheckedIOException e) {
            return "n/a";
        }
    }

    private static long sizeOnDisk(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a RocksDB file removed by a compaction while we walk
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp dir left behind is not worth failing the run for
        }
    }
}
