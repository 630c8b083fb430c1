package io.riposte.producer;

import io.riposte.config.KafkaClientConfig;
import io.riposte.mapping.AvroMapping;
import io.riposte.serde.SpecificAvroSerializer;
import io.riposte.topics.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes articles to the {@code articles} topic (key = article id, value = Avro through the
 * registry serde, timestamp = publication time) and rejected input to {@code rejected-articles}
 * (key = origin, value = raw bytes, reason in headers).
 *
 * <p>The producer is idempotent with {@code acks=all}, and every wait is bounded: an unreachable
 * broker or registry ends the run with a clear message instead of a hang.
 */
public final class ArticlePublisher implements AutoCloseable {
    public static final String HEADER_REASON = "riposte.reject.reason";
    public static final String HEADER_MESSAGE = "riposte.reject.message";
    public static final String HEADER_ORIGIN = "riposte.origin";
    /** On an article: what was read but not understood, one header per warning ({@code CODE: message}). */
    public static final String HEADER_WARNING = "riposte.input.warning";

    /**
     * How long a run that has already had a record acknowledged keeps retrying a send that Kafka
     * refused on the metadata wait ({@code max.block.ms}), and sending again a record Kafka gave up
     * delivering ({@code delivery.timeout.ms}), in ms: the broker was there, so it is restarting, not
     * misconfigured. Default 120000.
     */
    public static final String OUTAGE_MS = "riposte.produce.outage.ms";

    /**
     * Bounds for an unreachable broker; any of them can be overridden by configuration. A wrong
     * address fails on the first record's metadata wait (10 s). A record handed to Kafka gets 30 s to be
     * delivered; once the run has had a record acknowledged, one Kafka gave up on is sent again until
     * {@link #OUTAGE_MS} has passed, so a broker restart mid-replay loses nothing.
     */
    static final Map<String, Object> BOUNDED_DEFAULTS = Map.of(
            ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000",
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000",
            ProducerConfig.LINGER_MS_CONFIG, "5",
            OUTAGE_MS, "120000");

    private final Map<String, Object> config;
    private final KafkaProducer<String, byte[]> producer;
    private final SpecificAvroSerializer<io.riposte.avro.Article> serializer;
    private final String articlesTopic;
    private final String rejectedTopic;
    private final PrintStream err;

    /**
     * @param config Kafka client properties plus {@code schema.registry.url} and the serde's keys;
     *     unknown keys are passed on untouched
     */
    public ArticlePublisher(Map<String, Object> config, PrintStream err) {
        this(config, Topics.name(config, Topics.ARTICLES), Topics.name(config, Topics.REJECTED_ARTICLES), err);
    }

    public ArticlePublisher(Map<String, Object> config, String articlesTopic, String rejectedTopic, PrintStream err) {
        if (config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("no Kafka bootstrap servers configured "
                    + "(--bootstrap-server, RIPOSTE_BOOTSTRAP_SERVERS or bootstrap.servers in --config)");
        }
        if (config.get("schema.registry.url") == null) {
            throw new IllegalArgumentException("no schema registry URL configured "
                    + "(--registry-url, RIPOSTE_SCHEMA_REGISTRY_URL or schema.registry.url in --config)");
        }
        Map<String, Object> p = new HashMap<>(BOUNDED_DEFAULTS);
        p.putAll(config);
        // Not negotiable: the pipeline's "nothing doubled" promise starts here.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "riposte-producer");
        // The publisher reports an unreachable registry and stops (the run can be repeated under the same
        // keys) rather than wait like the readers: nothing is read from Kafka here, so nothing can be skipped.
        p.putIfAbsent(io.riposte.serde.SerdeConfig.OUTAGE_WAIT_MS, 0L);
        this.config = p;
        this.producer = new KafkaProducer<>(KafkaClientConfig.kafkaOnly(p), new StringSerializer(), new ByteArraySerializer());
        this.serializer = new SpecificAvroSerializer<>();
        this.serializer.configure(p, false);
        this.articlesTopic = articlesTopic;
        this.rejectedTopic = rejectedTopic;
        this.err = err;
    }

    /** Reads and publishes every file the paths stand for, as read and as fast as possible. */
    public ProduceSummary publish(List<Path> paths, ArticleFiles files) {
        return publish(paths, files, ReplayOptions.AS_FAST_AS_POSSIBLE, Progress.NONE);
    }

    /**
     * Reads and publishes every file the paths stand for, in the order and at the pace the options
     * ask. Rejections are reported on {@code err} one line each and published to the
     * rejected-articles topic; an article whose id was already read in this run is skipped as a
     * duplicate; the first connectivity failure stops the run.
     */
    public ProduceSummary publish(List<Path> paths, ArticleFiles files, ReplayOptions options, Progress progress) {
        ProduceSummary summary = new ProduceSummary();
        List<Path> expanded = files.expand(paths);
        summary.skipped(files.skipped());
        Run run = new Run(summary, options, progress);
        try {
            if (options.needsAllFirst()) {
                List<InputItem> items = new ArrayList<>();
                for (Path f : expanded) {
                    files.read(f, items::add);
                }
                order(items, options);
                progress.start(items.size());
                for (InputItem item : items) {
                    run.handle(item);
                    progress.advance(summary);
                    if (summary.failure() != null) {
                        break;
                    }
                }
            } else {
                progress.start(expanded.size());
                for (Path f : expanded) {
                    files.read(f, run::handle);
                    progress.advance(summary);
                    if (summary.failure() != null) {
                        break;
                    }
                }
            }
            run.finish();
        } catch (RuntimeException e) {
            summary.failed(describe(e));
        }
        return summary;
    }

    /**
     * Publishes items as they come (from a watched directory or a feed), sharing one summary and
     * one duplicate filter across calls. Call {@link Session#finish()} to wait for every record.
     */
    public Session session(ReplayOptions options, Progress progress) {
        return new Session(new Run(new ProduceSummary(), options, progress));
    }

    /** An open-ended run (watch mode, feeds): items are handed in one by one. */
    public final class Session {
        private final Run run;

        private Session(Run run) {
            this.run = run;
        }

        public void publish(InputItem item) {
            run.handle(item);
            run.progress.advance(run.summary);
        }

        /** Waits for the records sent so far; the summary is then up to date. */
        public ProduceSummary flush() {
            try {
                run.finish();
            } catch (RuntimeException e) {
                run.summary.failed(describe(e));
            }
            return run.summary;
        }

        public ProduceSummary summary() {
            return run.summary;
        }
    }

    static void order(List<InputItem> items, ReplayOptions options) {
        switch (options.order()) {
            case CHRONOLOGICAL -> items.sort(Comparator.comparingLong(ArticlePublisher::eventTime)); // stable: ties keep reading order
            case SHUFFLE -> Collections.shuffle(items, new Random(options.seed()));
            case AS_READ -> { }
        }
    }

    /** Rejections sort first: they have no time and should be reported early. */
    private static long eventTime(InputItem item) {
        return item instanceof InputItem.Parsed p ? Articles.timestamp(p.article()) : Long.MIN_VALUE;
    }

    /** The state of one run: counts, ids seen, records in flight, pacing. */
    private final class Run {
        final ProduceSummary summary;
        final Progress progress;
        final Pacer pacer;
        final Set<String> seen = new HashSet<>();
        final List<Pending> pending = new ArrayList<>();
        boolean first = true;

        Run(ProduceSummary summary, ReplayOptions options, Progress progress) {
            this.summary = summary;
            this.progress = progress;
            this.pacer = Pacer.system(options);
        }

        void handle(InputItem item) {
            if (summary.failure() != null) {
                return;
            }
            summary.readOne();
            if (item instanceof InputItem.Parsed parsed) {
                if (!seen.add(parsed.article().id())) {
                    // Same id twice in one run: the second copy would only be merged downstream, so it is not sent.
                    summary.duplicateOne();
                    return;
                }
                try {
                    pacer.awaitTurn(Articles.timestamp(parsed.article()));
                } catch (InterruptedException e) {
                    // A stop request (watch or feed mode) cut the wait short: the item was read, so it is
                    // still sent, and the caller's stop flag ends the run; the flag stays clear so the send can work.
                }
            }
            Pending p = send(item, summary);
            if (p == null) {
                return;
            }
            pending.add(p);
            if (first || pending.size() >= 1000) {
                // Wait for the first record: an unreachable cluster then costs one bounded wait, not one per article.
                first = false;
                finish();
            }
        }

        void finish() {
            List<Pending> round = new ArrayList<>(pending);
            pending.clear();
            long giveUpAt = 0;
            while (!round.isEmpty()) {
                producer.flush();
                List<Pending> lost = new ArrayList<>();
                Throwable why = null;
                for (Pending p : round) {
                    Throwable t = complete(p, summary);
                    if (t instanceof RetriableException) {
                        lost.add(p);
                        why = t;
                    } else if (t != null) {
                        summary.failed(describe(t));
                    }
                }
                if (lost.isEmpty()) {
                    return;
                }
                long budgetMs = Long.parseLong(String.valueOf(config.get(OUTAGE_MS)));
                long now = System.nanoTime();
                giveUpAt = giveUpAt == 0 ? now + budgetMs * 1_000_000L : giveUpAt;
                // Never acknowledged anything: the address may be wrong, so waiting longer would only hide that.
                boolean acknowledged = summary.published() + summary.rejectedTotal() > 0;
                if (!acknowledged || summary.failure() != null || now >= giveUpAt) {
                    summary.failed(describe(why));
                    return;
                }
                // Kafka gave up on these records (a broker restart its producer did not ride out: once in 80
                // SIGKILL restarts here, one partition answered OUT_OF_ORDER_SEQUENCE_NUMBER until
                // delivery.timeout.ms; see docs/reliability.md). Their fate is unknown,
                // so sending them again may write an article twice; its key and content are the same, so the
                // pipeline derives the same outputs from the copy.
                err.println("Kafka did not acknowledge " + lost.size() + " record(s) in time (" + rootMessage(why)
                        + "); sending them again for up to " + (giveUpAt - now) / 1_000_000_000L + " s more (" + OUTAGE_MS + ")");
                round = new ArrayList<>();
                for (Pending p : lost) {
                    summary.resentOne();
                    round.add(new Pending(p.item(), p.record(), sendRidingOutAnOutage(p.record(), summary)));
                }
            }
        }
    }

    private record Pending(InputItem item, ProducerRecord<String, byte[]> record, Future<RecordMetadata> future) {}

    private Pending send(InputItem item, ProduceSummary summary) {
        try {
            if (item instanceof InputItem.Parsed parsed) {
                RecordHeaders headers = new RecordHeaders();
                for (String warning : parsed.warnings()) {
                    err.println("warning: " + warning);
                    headers.add(HEADER_WARNING, warning.getBytes(StandardCharsets.UTF_8));
                }
                byte[] value;
                try {
                    value = serializer.serialize(articlesTopic, headers, AvroMapping.toAvro(parsed.article()));
                } catch (RuntimeException e) {
                    summary.failed("schema registry at " + config.get("schema.registry.url") + ": " + rootMessage(e));
                    return null;
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(articlesTopic, null,
                        Articles.timestamp(parsed.article()), parsed.article().id(), value, headers);
                return new Pending(item, record, sendRidingOutAnOutage(record, summary));
            }
            InputItem.Rejected r = (InputItem.Rejected) item;
            err.println("rejected " + r.reason() + ": " + r.message());
            RecordHeaders headers = new RecordHeaders();
            headers.add(HEADER_REASON, r.reason().getBytes(StandardCharsets.UTF_8));
            headers.add(HEADER_MESSAGE, r.message().getBytes(StandardCharsets.UTF_8));
            headers.add(HEADER_ORIGIN, r.origin().getBytes(StandardCharsets.UTF_8));
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(rejectedTopic, null, null, r.origin(), r.raw(), headers);
            return new Pending(item, record, sendRidingOutAnOutage(record, summary));
        } catch (RuntimeException e) {
            summary.failed(describe(e));
            return null;
        }
    }

    /**
     * A send that timed out on the metadata wait never reached the producer's buffer (Kafka returns it
     * already failed), so sending it again cannot double it. Once the run has had a record acknowledged
     * the address is known to be right, and such a timeout means the broker is away (a restart): retry
     * for {@link #OUTAGE_MS}.
     */
    private Future<RecordMetadata> sendRidingOutAnOutage(ProducerRecord<String, byte[]> record, ProduceSummary summary) {
        long budgetMs = Long.parseLong(String.valueOf(config.get(OUTAGE_MS)));
        long start = System.nanoTime();
        while (true) {
            Future<RecordMetadata> sent = producer.send(record);
            Throwable refused = refusedOnTheMetadataWait(sent);
            boolean acknowledged = summary.published() + summary.rejectedTotal() > 0;
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            if (refused == null || !acknowledged || waitedMs >= budgetMs) {
                return sent;
            }
            err.println("Kafka at " + config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) + " is not answering ("
                    + rootMessage(refused) + "); retrying for up to " + (budgetMs - waitedMs) / 1000 + " s more ("
                    + OUTAGE_MS + ")");
        }
    }

    private static Throwable refusedOnTheMetadataWait(Future<RecordMetadata> sent) {
        if (!sent.isDone()) {
            return null;
        }
        try {
            sent.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException ? e.getCause() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Counts the record once acknowledged; returns why it was not, or null. */
    private static Throwable complete(Pending p, ProduceSummary summary) {
        try {
            p.future().get();
            if (p.item() instanceof InputItem.Parsed) {
                summary.publishedOne();
            } else {
                summary.rejectedOne(((InputItem.Rejected) p.item()).reason());
            }
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            summary.failed("interrupted");
            return null;
        }
    }

    private String describe(Throwable e) {
        if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "Kafka at " + config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
                    + " did not answer in time (" + rootMessage(e) + "); is the broker running and does topic '"
                    + articlesTopic + "' exist? (bounds: max.block.ms=" + config.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)
                    + ", delivery.timeout.ms=" + config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG) + ")";
        }
        return "Kafka at " + config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + rootMessage(e);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(t.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
                sb.append(": ").append(t.getMessage());
            }
        }
        if (sb.toString().equals("null")) {
            return t.getClass().getSimpleName();
        }
        return sb.toString();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        serializer.close();
    }
}
