package io.riposte.cli;

import io.riposte.producer.ArticleFiles;
import io.riposte.producer.ArticlePublisher;
import io.riposte.producer.ConsoleProgress;
import io.riposte.producer.DirectoryWatcher;
import io.riposte.producer.ProduceSummary;
import io.riposte.producer.Progress;
import io.riposte.producer.ReplayOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {
            "Publish articles to the 'articles' topic: key = article id, value = Avro Article, timestamp = publication time.",
            "Reads the loose text format of scraped archives (optional ' date YYYY-MM-DD [URL]' first line), "
                    + "JSON Lines (.jsonl: id, url, published, title, body, outlet, language) and .gz of either.",
            "An article whose id was already read in the same run is skipped as a duplicate.",
            "Rejected inputs get a one-line reason on stderr and a record on 'rejected-articles' with the reason in headers.",
            "Progress: a bar with rate and ETA when stderr is a terminal, a log line every --progress-interval otherwise.",
            "The summary at the end: read = published + duplicates + rejected.",
            "",
            "Examples:",
            "  riposte produce ../shared/seeds --exclude '*.jsonl'",
            "  riposte produce archive/ --order chronological --speedup 86400",
            "  riposte produce archive/ --order shuffle --seed 7 --rate 50",
            "  riposte produce --watch inbox/",
            "  cat articles.jsonl | riposte produce -",
            "",
            "Exit codes: 0 all published, 1 failed (unreachable broker or registry, missing path), 3 some inputs rejected."})
public class ProduceCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Files or directories (walked recursively; hidden files skipped), or - for JSON Lines on stdin.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Largest article accepted, in bytes (one text file or one JSON line; default ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "File names to leave out of directory walks, e.g. --exclude 'gold*.jsonl' (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "as-read",
            description = "as-read (streams, default), chronological (by publication time) or shuffle (with --seed).")
    String order;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of --order shuffle: the same seed gives the same order (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "Publish at most N articles per second (default: as fast as possible).")
    double rate;

    @Option(names = "--speedup", paramLabel = "X", defaultValue = "0",
            description = "Re-live the archive at X times real time, spacing articles by their publication times "
                    + "(use with --order chronological; 86400 = one day per second).")
    double speedup;

    @Option(names = "--progress-interval", paramLabel = "DURATION", defaultValue = "PT10S",
            description = "Time between progress log lines when stderr is not a terminal (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration progressInterval;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "Keep watching DIR (and its sub-directories) and publish each new complete file once "
                    + "(files already there too); stops on Ctrl-C / SIGTERM with the summary.")
    Path watch;

    @Option(names = "--watch-poll", paramLabel = "DURATION", defaultValue = "PT2S",
            description = "How often --watch rescans when no file-system event arrives (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration watchPoll;

    @Option(names = "--feed", paramLabel = "URL",
            description = "Poll this RSS 2.0 or Atom feed every --poll-interval with conditional requests "
                    + "(ETag / If-Modified-Since); each item is published once (repeatable). Runs until Ctrl-C / SIGTERM.")
    List<java.net.URI> feeds = new ArrayList<>();

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "Time between two polls of a feed (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(names = "--feed-timeout", paramLabel = "DURATION", defaultValue = "PT20S",
            description = "Bound on connecting to and reading a feed (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration feedTimeout;

    @Override
    public Integer call() throws Exception {
        ReplayOptions replay = new ReplayOptions(ReplayOptions.parseOrder(order), seed, rate, speedup);
        if (paths.isEmpty() && watch == null && feeds.isEmpty()) {
            throw new IllegalArgumentException("nothing to publish: give a PATH, - for stdin, --watch DIR or --feed URL");
        }
        for (java.net.URI f : feeds) {
            if (f.getScheme() == null || !f.getScheme().matches("(?i)https?")) {
                throw new IllegalArgumentException("--feed needs an http(s) URL, got " + f);
            }
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("--poll-interval must be positive, got " + pollInterval);
        }
        ArticleFiles files = new ArticleFiles(maxBytes, excludes, Clock.systemUTC());
        files.expand(paths); // a missing path is an error before anything connects
        if (watch != null && !java.nio.file.Files.isDirectory(watch)) {
            throw new IllegalArgumentException("--watch needs a directory: " + watch);
        }
        Map<String, Object> config = client.resolveRequired();
        client.ensureTopics(config);
        ProduceSummary summary;
        if (watch != null || !feeds.isEmpty()) {
            summary = follow(config, files, replay);
        } else {
            try (Progress progress = ConsoleProgress.forStderr(progressInterval)) {
                summary = run(config, paths, files, replay, progress, System.err);
            }
            report(summary, System.out, System.err);
        }
        return summary.exitCode();
    }

    static ProduceSummary run(Map<String, Object> config, List<Path> paths, ArticleFiles files, PrintStream out, PrintStream err) {
        ProduceSummary summary = run(config, paths, files, ReplayOptions.AS_FAST_AS_POSSIBLE, Progress.NONE, err);
        report(summary, out, err);
        return summary;
    }

    static ProduceSummary run(Map<String, Object> config, List<Path> paths, ArticleFiles files, ReplayOptions replay,
            Progress progress, PrintStream err) {
        try (ArticlePublisher publisher = new ArticlePublisher(config, err)) {
            return publisher.publish(paths, files, replay, progress);
        }
    }

    static void report(ProduceSummary summary, PrintStream out, PrintStream err) {
        (summary.failure() == null ? out : err).println("produce: " + summary);
    }

    /**
     * Watches the directory and polls the feeds until SIGINT/SIGTERM; the shutdown hook waits for
     * the loop to flush and print the summary.
     */
    private ProduceSummary follow(Map<String, Object> config, ArticleFiles files, ReplayOptions replay) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread main = Thread.currentThread();
        ProduceSummary summary;
        // The guard, first resource, is closed last: the hook's wait ends once the publisher has flushed and closed.
        try (ShutdownGuard guard = ShutdownGuard.install("riposte-produce-stop", () -> {
                    stop.set(true);
                    main.interrupt();
                }, Duration.ofSeconds(15));
                ArticlePublisher publisher = new ArticlePublisher(config, System.err);
                Progress progress = ConsoleProgress.forStderr(progressInterval);
                DirectoryWatcher watcher = watch == null ? null : new DirectoryWatcher(watch, files, watchPoll)) {
            progress.start(-1);
            ArticlePublisher.Session session = publisher.session(replay, progress);
            if (!paths.isEmpty()) {
                for (Path f : files.expand(paths)) {
                    files.read(f, session::publish);
                }
            }
            List<io.riposte.producer.FeedPoller> pollers = feeds.stream()
                    .map(u -> new io.riposte.producer.FeedPoller(u, feedTimeout, 100_000, Clock.systemUTC())).toList();
            System.err.println("produce: " + (watch != null ? "watching " + watch : "")
                    + (watch != null && !pollers.isEmpty() ? " and " : "")
                    + (pollers.isEmpty() ? "" : "polling " + pollers.size() + " feed(s) every " + pollInterval)
                    + " (Ctrl-C to stop)");
            long nextPoll = System.nanoTime();
            try {
                while (!stop.get() && session.summary().failure() == null) {
                    if (watcher != null) {
                        watcher.scanOnce(session::publish, session::flush);
                    }
                    if (!pollers.isEmpty() && System.nanoTime() - nextPoll >= 0) {
                        for (io.riposte.producer.FeedPoller poller : pollers) {
                            io.riposte.producer.FeedPoller.Poll poll = poller.poll();
                            if (poll.error() != null) {
                                // A feed that is down is retried at the next poll; the others go on.
                                System.err.println("produce: " + poll.error() + " (retrying in " + pollInterval + ")");
                            }
                            poll.items().forEach(session::publish);
                        }
                        session.flush();
                        nextPoll = System.nanoTime() + pollInterval.toNanos();
                    }
                    Duration untilPoll = pollers.isEmpty() ? watchPoll : Duration.ofNanos(Math.max(1_000_000, nextPoll - System.nanoTime()));
                    if (watcher != null) {
                        watcher.awaitChange(untilPoll);
                    } else {
                        Thread.sleep(untilPoll.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.interrupted(); // the stop signal: clear it so the last records can still be flushed
            }
            summary = session.flush();
            report(summary, System.out, System.err);
        }
        return summary;
    }
}
