package io.riposte.cli.bench;

import io.riposte.domain.Article;
import io.riposte.local.EmbeddedCluster;
import io.riposte.producer.ArticlePublisher;
import io.riposte.producer.InputItem;
import io.riposte.producer.ProduceSummary;
import io.riposte.producer.Progress;
import io.riposte.producer.ReplayOptions;
import com.fasterxml.jackson.databind.JsonNode;
import io.riposte.streams.PassThroughTopology;
import io.riposte.streams.RiposteStreamsApp;
import io.riposte.topics.TopicAdmin;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * One {@code riposte bench} run: an embedded cluster in this JVM, the Streams app in JVMs of its own
 * ({@link StreamsGroup}), optionally the pass-through topology after it ({@code --ceiling}), synthetic articles ({@link ArticleGenerator}) published with the
 * project's producer, then the figures in a {@link BenchReport}.
 */
public final class BenchRun {
    public enum Mode { THROUGHPUT, LATENCY, ALL }

    /**
     * @param warmupSeconds latency phase: articles published at the rate for this long first and left out of the
     *     percentiles; negative = 0 after a throughput phase (the JVMs are warm), 10 otherwise
     * @param instances Streams JVMs sharing the application id
     * @param ceiling also run the pass-through topology on the throughput phase's articles ({@link PassThroughTopology})
     * @param streamsProperties extra Streams properties for the app ({@code -X} of {@code riposte streams}); its
     *     {@code riposte.topic.prefix} names every topic the bench creates, writes and reads
     * @param jvmOptions extra options of the Streams JVMs (e.g. a JFR recording)
     * @param workDir where the state, the Streams logs and the recordings go; null = a temporary directory, deleted after a successful run
     */
    public record Settings(Mode mode, int articles, double rate, int durationSeconds, int warmupSeconds, long seed,
            String streamsHeap, int threads, int instances, boolean ceiling, Map<String, String> streamsProperties,
            List<String> jvmOptions, Duration timeout, Duration stall, Path workDir) {}

    /** Where the pass-through pipeline's topics go, behind the run's own prefix. */
    static final String CEILING_PREFIX = "pass-through.";
    static final String CEILING_APPLICATION_ID = "riposte-pass-through";

    private final Settings settings;
    private final PrintStream log;
    private final BenchReport report = new BenchReport();
    private final long generated;
    private final ArticleGenerator generator;

    public BenchRun(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
        this.generated = (settings.mode() != Mode.LATENCY ? settings.articles() : 0)
                + (settings.mode() != Mode.THROUGHPUT ? Math.round(settings.rate() * (settings.durationSeconds() + warmupSeconds())) : 0);
        this.generator = generator();
    }

    private ArticleGenerator generator() {
        // News-like density whatever the size: past ~29,000 articles the plain generator packs each dyad's
        // 20 years with rows until they merge into one endless episode, which no news corpus does.
        return ArticleGenerator.newsLike(settings.seed(), generated);
    }

    private int warmupSeconds() {
        if (settings.warmupSeconds() >= 0) {
            return settings.warmupSeconds();
        }
        return settings.mode() == Mode.ALL ? 0 : 10;
    }

    /** One Streams application under test: its instances, the watch on its group, its publisher, its topics. */
    private static final class Pipeline implements AutoCloseable {
        final String prefix;
        final StreamsGroup streams;
        final PipelineWatch watch;
        final ArticlePublisher publisher;
        long published;

        Pipeline(String prefix, StreamsGroup streams, PipelineWatch watch, ArticlePublisher publisher) {
            this.prefix = prefix;
            this.streams = streams;
            this.watch = watch;
            this.publisher = publisher;
        }

        @Override
        public void close() {
            publisher.close();
            watch.close();
            streams.close();
        }
    }

    private Pipeline start(EmbeddedCluster cluster, String prefix, List<String> repartitions, Map<String, String> props, Path work)
            throws InterruptedException {
        Map<String, Object> client = new HashMap<>(Map.of("bootstrap.servers", cluster.bootstrapServers(),
                "schema.registry.url", cluster.registryUrl(), Topics.PREFIX_CONFIG, prefix));
        if (!prefix.isEmpty()) {
            // The embedded cluster creates the catalogue without a prefix; a prefixed run needs its own copy.
            Map<String, Object> admin = new HashMap<>(client);
            admin.remove("schema.registry.url");
            TopicAdmin.createAll(admin, Duration.ofSeconds(30));
        }
        Map<String, Object> appConfig = new HashMap<>(props);
        String appId = Topics.prefixedOnce(client, props.getOrDefault("application.id", Topics.DEFAULT_APPLICATION_ID));
        PipelineWatch watch = new PipelineWatch(cluster.bootstrapServers(), appId, prefix + Topics.ARTICLES, repartitions);
        StreamsGroup streams = null;
        try {
            // Two sub-topologies (read, then after the repartition), one task per input partition each.
            int tasks = 2 * watch.articlePartitions();
            log.println("bench: starting " + settings.instances() + " Streams instance(s) of " + appId + " (-Xmx"
                    + settings.streamsHeap() + ", " + appConfig + "), logs under " + work);
            streams = StreamsGroup.start(settings.instances(), cluster.bootstrapServers(), cluster.registryUrl(), work,
                    settings.streamsHeap(), settings.jvmOptions(), props, Duration.ofSeconds(120), tasks);
            return new Pipeline(prefix, streams, watch, new ArticlePublisher(client, log));
        } catch (RuntimeException | InterruptedException e) {
            watch.close();
            if (streams != null) {
                streams.close();
            }
            throw e;
        }
    }

    public BenchReport run() throws Exception {
        Path work = settings.workDir() != null ? Files.createDirectories(settings.workDir())
                : Files.createTempDirectory("riposte-bench-");
        boolean ok = false;
        describeRun(work);
        String prefix = Topics.prefix(settings.streamsProperties());
        log.println("bench: starting the embedded cluster");
        try (EmbeddedCluster cluster = EmbeddedCluster.start()) {
            Map<String, String> props = new LinkedHashMap<>();
            props.put("num.stream.threads", Integer.toString(settings.threads()));
            props.putAll(settings.streamsProperties());
            double riposteRate = Double.NaN;
            try (Pipeline riposte = start(cluster, prefix, Topics.REPARTITIONS, props, work)) {
                report.put("run", "streams_pids", riposte.streams.instances().stream().map(StreamsProcess::pid).toList(), null);
                assignment("assignment", riposte.streams);
                if (settings.mode() != Mode.LATENCY) {
                    riposteRate = throughput("throughput", riposte, generator);
                }
                if (settings.mode() != Mode.THROUGHPUT) {
                    latency(riposte, cluster.bootstrapServers());
                }
                resources(riposte.streams, work);
                counts(cluster.bootstrapServers(), riposte);
                // RocksDB keeps recent writes in memory tables until it flushes them; a clean shutdown flushes all.
                riposte.streams.close();
                report.put("resources", "state_dir_after_close_bytes", stateSize(riposte.streams),
                        "Streams state directories after a clean shutdown");
            }
            if (settings.ceiling()) {
                ceiling(cluster, prefix, props, work.resolve("pass-through"), riposteRate);
            }
            ok = true;
        } finally {
            report.put("run", "load_average_end", loadAverage(), "load average at the end");
            if (ok && settings.workDir() == null) {
                delete(work);
            } else if (!ok) {
                log.println("bench: kept " + work + " (Streams logs: " + work + "/**/streams.log)");
            }
        }
        return report;
    }

    /**
     * The pass-through pipeline on the same articles, instances, threads and Streams properties, under
     * a prefix of its own: what Kafka alone allows on this machine, and Riposte's share of it.
     */
    private void ceiling(EmbeddedCluster cluster, String prefix, Map<String, String> riposteProps, Path work,
            double riposteRate) throws Exception {
        String ceilingPrefix = prefix + CEILING_PREFIX;
        Map<String, String> props = new LinkedHashMap<>(riposteProps);
        props.put(RiposteStreamsApp.TOPOLOGY, PassThroughTopology.NAME);
        props.put(Topics.PREFIX_CONFIG, ceilingPrefix);
        props.put("application.id", CEILING_APPLICATION_ID);
        try (Pipeline pass = start(cluster, ceilingPrefix, List.of(PassThroughTopology.REPARTITION), props, work)) {
            report.put("ceiling", "topic_prefix", ceilingPrefix, "pass-through topics");
            assignment("ceiling", pass.streams);
            // A generator of its own with the same seed and size: the same articles as the throughput phase.
            double rate = throughput("ceiling", pass, generator());
            TopicCounts.Count out = TopicCounts.count(cluster.bootstrapServers(), ceilingPrefix + PassThroughTopology.OUTPUT,
                    Duration.ofMinutes(10));
            report.put("ceiling", "output_records", out.records(), "'" + ceilingPrefix + PassThroughTopology.OUTPUT + "' records");
            report.put("ceiling", "riposte_fraction_of_ceiling", riposteRate / rate,
                    "Riposte end to end / pass-through end to end");
        }
    }

    /** Which tasks each instance and each of its stream threads runs (from /health). */
    private void assignment(String section, StreamsGroup streams) {
        List<JsonNode> health = streams.health();
        for (int i = 0; i < health.size(); i++) {
            JsonNode instance = health.get(i).path("instance");
            Map<String, Object> threads = new TreeMap<>();
            instance.path("thread_active_tasks").fields().forEachRemaining(e -> {
                List<String> tasks = new ArrayList<>();
                e.getValue().forEach(t -> tasks.add(t.asText()));
                // "<client id>-StreamThread-N": the client id says nothing the instance number does not.
                String name = e.getKey();
                threads.put(name.substring(name.lastIndexOf("StreamThread")), tasks);
            });
            report.put(section, "instance_" + (i + 1) + "_tasks_by_thread", threads, "instance " + (i + 1) + " tasks by thread");
        }
    }

    private void describeRun(Path work) {
        report.put("run", "date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "date (UTC)");
        report.put("run", "cores", Runtime.getRuntime().availableProcessors(), "cores");
        report.put("run", "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), "java");
        report.put("run", "load_average_start", loadAverage(), "load average at the start");
        report.put("run", "work_dir", work.toString(), null);
        report.put("settings", "mode", settings.mode().name().toLowerCase(), "mode");
        report.put("settings", "ceiling", settings.ceiling(), "pass-through ceiling");
        report.put("settings", "seed", settings.seed(), "seed");
        String prefix = Topics.prefix(settings.streamsProperties());
        report.put("settings", "topic_prefix", prefix, prefix.isEmpty() ? null : "topic prefix");
        report.put("settings", "instances", settings.instances(), "Streams instances (JVMs)");
        report.put("settings", "streams_heap", settings.streamsHeap(), "Streams -Xmx (each)");
        report.put("settings", "threads", settings.threads(), "num.stream.threads (each)");
        report.put("settings", "streams_properties", new LinkedHashMap<>(settings.streamsProperties()),
                settings.streamsProperties().isEmpty() ? null : "Streams properties");
        report.put("settings", "processing_guarantee", "exactly_once_v2", null);
    }

    /**
     * (a) N articles as fast as the producer sends them; end to end until the app has committed all of them.
     *
     * @return end-to-end articles/s
     */
    private double throughput(String section, Pipeline p, ArticleGenerator articles) throws Exception {
        int n = settings.articles();
        log.printf("bench: %s: publishing %,d articles as fast as possible%n", section, n);
        // Generating an article costs the bench JVM about as much CPU as publishing it, and the two cores
        // are shared with the Streams app: so the articles are generated before the clock starts when
        // they fit in half the heap (about 8 KB each), like an archive being replayed; otherwise a
        // thread of its own generates them while they are published, and the report says so.
        boolean before = (long) n * 8_000 < Runtime.getRuntime().maxMemory() / 2;
        report.put(section, "generated", before ? "before the clock" : "while publishing", "articles generated");
        BlockingQueue<Article> queue = new ArrayBlockingQueue<>(before ? n : 2048);
        Runnable generate = () -> {
            try {
                for (int i = 0; i < n; i++) {
                    queue.put(articles.next().article());
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
        StreamsGroup streams = p.streams;
        ArticlePublisher.Session session = p.publisher.session(ReplayOptions.AS_FAST_AS_POSSIBLE, Progress.NONE);
        CpuMark mark = CpuMark.now(streams);
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
                log.printf("bench: %,d published; %s%n", i + 1, p.watch.snapshot(streams));
                nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            }
        }
        ProduceSummary summary = session.flush();
        long sent = System.nanoTime();
        if (summary.failure() != null || summary.published() != n) {
            throw new IllegalStateException("published " + summary.published() + " of " + n + " articles: " + summary.failure());
        }
        p.published += n;
        log.printf("bench: published in %.1f s; waiting for the pipeline%n", (sent - start) / 1e9);
        long done = p.watch.awaitDone(p.published, streams, settings.stall(), settings.timeout(), log);
        double publishS = (sent - start) / 1e9;
        double totalS = (done - start) / 1e9;
        report.put(section, "articles", n, "articles");
        report.put(section, "publish_seconds", publishS, "publish time (s)");
        report.put(section, "publish_articles_per_s", n / publishS, "publish rate (articles/s)");
        report.put(section, "end_to_end_seconds", totalS, "first publish -> all committed (s)");
        report.put(section, "end_to_end_articles_per_s", n / totalS, "end to end (articles/s)");
        double cpu = mark.reportSince(report, section, streams).streamsCpu();
        report.put(section, "articles_per_streams_cpu_second", n / cpu, "articles per Streams CPU-second");
        report.put(section, "load_average", loadAverage(), "load average after the phase");
        return n / totalS;
    }

    /** What the Streams JVMs and this JVM had used of the CPU at one moment, and the apps' counters then. */
    private record CpuMark(double[] cpu, Map<String, Double> kinds, Map<String, Long>[] counters, double benchCpu) {
        static CpuMark now(StreamsGroup streams) {
            return new CpuMark(streams.cpuSecondsEach(), streams.cpuByThreadKind(), countersEach(streams),
                    StreamsProcess.cpuSeconds(ProcessHandle.current()));
        }

        /** Reports the CPU used and the counters' progress since this mark. */
        Used reportSince(BenchReport report, String section, StreamsGroup streams) {
            CpuMark end = now(streams);
            double total = 0;
            long articles = 0;
            for (int i = 0; i < end.cpu.length; i++) {
                total += end.cpu[i] - cpu[i];
            }
            Map<String, Double> byKind = new LinkedHashMap<>(end.kinds);
            byKind.replaceAll((kind, seconds) -> seconds - kinds.getOrDefault(kind, 0.0));
            // On a shared machine the wall-clock rate depends on what else runs; CPU used per article does much less.
            report.put(section, "streams_cpu_seconds", total, "Streams JVMs CPU time (s, all instances)");
            if (!byKind.isEmpty()) {
                // A cold JVM spends much of a short run compiling: this says how much of the CPU above is the work itself.
                report.put(section, "streams_cpu_seconds_by_thread_kind", byKind,
                        "Streams JVMs CPU by thread kind (s: application, JIT compiler, GC and VM, producer I/O)");
            }
            report.put(section, "bench_cpu_seconds", end.benchCpu - benchCpu,
                    "bench JVM CPU time (s: broker, registry, producer, generator)");
            for (int i = 0; i < end.cpu.length; i++) {
                Map<String, Object> each = new LinkedHashMap<>();
                each.put("cpu_seconds", end.cpu[i] - cpu[i]);
                for (String c : List.of("articles_processed", "actions_extracted", "mentions_correlated")) {
                    each.put(c, end.counters[i].getOrDefault(c, 0L) - counters[i].getOrDefault(c, 0L));
                }
                articles += (Long) each.get("articles_processed");
                report.put(section, "instance_" + (i + 1), each, "instance " + (i + 1));
            }
            return new Used(total, articles);
        }
    }

    /** Streams CPU seconds (all instances) and articles the apps processed between two moments. */
    private record Used(double streamsCpu, long articlesProcessed) {}

    @SuppressWarnings("unchecked")
    private static Map<String, Long>[] countersEach(StreamsGroup streams) {
        List<JsonNode> health = streams.health();
        Map<String, Long>[] out = new Map[health.size()];
        for (int i = 0; i < out.length; i++) {
            Map<String, Long> m = new HashMap<>();
            health.get(i).path("counters").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
            out[i] = m;
        }
        return out;
    }

    /**
     * (b) a fixed rate for a fixed time, after a warm-up at that rate; publish -> alert from the article's
     * send time to the alert's append time and to when a read_committed reader got it.
     */
    private void latency(Pipeline p, String bootstrap) throws Exception {
        double rate = settings.rate();
        int warmup = (int) Math.round(rate * warmupSeconds());
        int n = (int) Math.round(rate * settings.durationSeconds());
        log.printf("bench: latency: %,d articles at %.0f/s for %d s, after %,d to warm up%n", n, rate, settings.durationSeconds(), warmup);
        Map<String, Long> sentAt = new HashMap<>(n * 2);
        // Generating an article takes about as long as sending it: made on the schedule's thread, they kept a
        // loaded machine's publisher below 1,000/s. So they are made before the clock when they fit (as above).
        List<Article> ready = new ArrayList<>();
        if ((long) (warmup + n) * 8_000 < Runtime.getRuntime().maxMemory() / 2) {
            for (int i = 0; i < warmup + n; i++) {
                ready.add(generator.next().article());
            }
        }
        report.put("latency", "generated", ready.isEmpty() ? "on schedule" : "before the clock", "articles generated");
        try (OutputTail tail = new OutputTail(bootstrap, p.prefix)) {
            ArticlePublisher.Session session = p.publisher.session(ReplayOptions.AS_FAST_AS_POSSIBLE, Progress.NONE);
            long start = System.nanoTime();
            CpuMark mark = CpuMark.now(p.streams);
            long maxBehind = 0;
            for (int i = 0; i < warmup + n; i++) {
                if (i == warmup) {
                    mark = CpuMark.now(p.streams); // before the new schedule: it asks each instance over HTTP
                    // A new schedule: a publisher late after the warm-up would otherwise catch up above the rate.
                    start = System.nanoTime();
                }
                long due = start + (long) ((i < warmup ? i : i - warmup) * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } else if (i >= warmup) {
                    maxBehind = Math.max(maxBehind, -wait);
                }
                Article a = ready.isEmpty() ? generator.next().article() : ready.get(i);
                if (i >= warmup) {
                    sentAt.put(a.id(), System.currentTimeMillis());
                }
                session.publish(new InputItem.Parsed(a.origin(), a));
                if (session.summary().failure() != null) {
                    throw new IllegalStateException("publishing failed: " + session.summary().failure());
                }
            }
            ProduceSummary summary = session.flush();
            double took = (System.nanoTime() - start) / 1e9;
            if (summary.failure() != null || summary.published() != warmup + n) {
                throw new IllegalStateException("published " + summary.published() + " of " + (warmup + n) + " articles: " + summary.failure());
            }
            p.published += warmup + n;
            p.watch.awaitDone(p.published, p.streams, settings.stall(), settings.timeout(), log);
            // Paced input reaches the tasks in small polls: the CPU per article says what that costs against a
            // throughput run (the span also holds what is left of the warm-up's backlog, counted in the articles).
            Used used = mark.reportSince(report, "latency", p.streams);
            if (used.articlesProcessed() > 0) {
                report.put("latency", "streams_cpu_ms_per_article", used.streamsCpu() * 1000 / used.articlesProcessed(),
                        "Streams CPU per article processed since the warm-up (ms)");
            }
            tail.awaitReached(TopicCounts.ends(bootstrap, List.of(p.prefix + Topics.ALERTS, p.prefix + Topics.ACTIONS,
                    p.prefix + Topics.CHAINS)), Duration.ofSeconds(60));
            List<OutputTail.Seen> seen = tail.seen();
            report.put("latency", "warmup_articles", warmup, "warm-up articles (not measured)");
            report.put("latency", "articles", n, "articles");
            report.put("latency", "target_rate", rate, "target rate (articles/s)");
            report.put("latency", "achieved_rate", n / took, "achieved rate (articles/s, incl. the final flush)");
            // A publisher that cannot keep up sends late and makes the pipeline look faster than it is.
            report.put("latency", "publish_max_behind_schedule_ms", maxBehind / 1_000_000, "publisher most behind schedule (ms)");
            // Within 5 % of the rate and never a second late: otherwise the percentiles are of a lower, burstier load.
            boolean sustained = n / took >= 0.95 * rate && maxBehind < TimeUnit.SECONDS.toNanos(1);
            report.put("latency", "rate_sustained", sustained, "publisher sustained the rate");
            if (!sustained) {
                log.printf("bench: the publisher did not sustain %.0f/s (%.0f/s, up to %,d ms late): this machine cannot offer that load%n",
                        rate, n / took, maxBehind / 1_000_000);
            }
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

    /** (c) heap after a full GC and RSS of each Streams JVM and in all, the bench JVM's, and the state on disk. */
    private void resources(StreamsGroup streams, Path work) throws InterruptedException {
        long before = 0;
        long after = 0;
        long rss = 0;
        long peak = 0;
        List<StreamsProcess> all = streams.instances();
        for (int i = 0; i < all.size(); i++) {
            StreamsProcess s = all.get(i);
            Map<String, Object> each = new LinkedHashMap<>();
            each.put("pid", s.pid());
            each.put("heap_used_before_gc_bytes", s.heapUsed());
            each.put("heap_used_after_gc_bytes", s.heapUsedAfterGc());
            each.put("rss_bytes", s.rssBytes());
            each.put("peak_rss_bytes", s.peakRssBytes());
            each.put("state_dir_bytes", sizeOnDisk(s.log().getParent().resolve("state")));
            before += (long) each.get("heap_used_before_gc_bytes");
            after += (long) each.get("heap_used_after_gc_bytes");
            rss += (long) each.get("rss_bytes");
            peak += (long) each.get("peak_rss_bytes");
            if (all.size() > 1) {
                report.put("resources", "instance_" + (i + 1), each, "instance " + (i + 1));
            }
        }
        report.put("resources", "streams_heap_used_before_gc_bytes", before, "Streams heap used, before GC (all instances)");
        report.put("resources", "streams_heap_used_after_gc_bytes", after, "Streams heap used after a full GC (all instances)");
        report.put("resources", "streams_rss_bytes", rss, "Streams RSS (all instances)");
        report.put("resources", "streams_peak_rss_bytes", peak, "Streams peak RSS (VmHWM, sum over instances)");
        report.put("resources", "state_dir_bytes", stateSize(streams), "Streams state directories (running)");
        System.gc();
        Runtime rt = Runtime.getRuntime();
        report.put("resources", "bench_heap_used_after_gc_bytes", rt.totalMemory() - rt.freeMemory(),
                "bench JVM heap after GC (broker, registry, producer)");
        report.put("resources", "bench_rss_bytes", StreamsProcess.ProcStatus.rssBytes(ProcessHandle.current().pid()), "bench JVM RSS");
    }

    private static long stateSize(StreamsGroup streams) {
        return streams.instances().stream().mapToLong(s -> sizeOnDisk(s.log().getParent().resolve("state"))).sum();
    }

    /** What the app read and what the output topics hold (read_committed), to reconcile the run. */
    private void counts(String bootstrap, Pipeline p) {
        PipelineWatch.Snapshot s = p.watch.snapshot(p.streams);
        report.put("counts", "articles_published", p.published, "articles published");
        report.put("counts", "articles_committed", s.articlesCommitted(), "articles committed by Streams (offsets)");
        report.put("counts", "articles_processed", s.processed(), "articles processed (app counters, all instances)");
        report.put("counts", "mentions_extracted", s.extracted(), "action mentions extracted");
        report.put("counts", "mentions_correlated", s.correlated(), "action mentions correlated");
        report.put("counts", "dead_lettered", s.deadLettered(), "dead-lettered by the app");
        for (String topic : List.of(Topics.ACTIONS, Topics.CHAINS, Topics.ALERTS, Topics.DEAD_LETTERS)) {
            TopicCounts.Count c = TopicCounts.count(bootstrap, p.prefix + topic, Duration.ofMinutes(10));
            String key = topic.replace('-', '_');
            report.put("counts", key + "_records", c.records(), "'" + p.prefix + topic + "' records");
            if (!topic.equals(Topics.ALERTS) && !topic.equals(Topics.DEAD_LETTERS)) {
                report.put("counts", key + "_live", c.liveKeys(), "'" + p.prefix + topic + "' live keys (after compaction)");
            }
        }
        // What the app makes the broker store besides its outputs: the by-dyad topic and the store changelogs.
        report.put("counts", "internal_topic_offsets", p.watch.internalEndOffsets(),
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
