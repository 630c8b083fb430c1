package io.riposte.benchmarks;

import io.riposte.correlation.CorrelationSettings;
import io.riposte.correlation.CorrelationUpdate;
import io.riposte.correlation.Correlator;
import io.riposte.correlation.CountingSortedStore;
import io.riposte.domain.ExtractedAction;
import io.riposte.extraction.Extractor;
import io.riposte.extraction.Extractors;
import io.riposte.synthetic.ArticleGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Correlation of a whole synthetic news-like corpus on the in-memory stores, with no Kafka: the time
 * spent in {@link Correlator#add} alone, and SHA-256 fingerprints of every update and of the final
 * stores. Two builds of correlation that print the same fingerprints produced the same output, so this
 * is the before/after check of any change meant to be output-preserving (performance work).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.riposte.benchmarks.CorrelationReplay
 * [articles=30000] [seed=42] [densityOf=articles]} ({@code -Driposte.cachedMentions=0}: without the
 * correlator's episode cache). It also prints the store writes per article: the records the stores'
 * changelogs would receive. {@code densityOf} sizes the generator's coverage as
 * {@link ArticleGenerator#newsLike} does for a corpus of that many articles (1000000: 100+ reports per
 * action) while only {@code articles} are generated.
 *
 * <p>{@code gold [articles] [seed] [densityOf] [dyads]} skips extraction: the generator's gold actions
 * are the mentions (a step answering the step before it in the same article cites it), and only those of
 * the first {@code dyads} dyads met are kept. The late phase of a million-article run, where a dyad's
 * rows have piled up into long, much-reported episodes, fits in minutes that way.
 */
public final class CorrelationReplay {

    private CorrelationReplay() {}

    public static void main(String[] argv) throws Exception {
        boolean gold = argv.length > 0 && argv[0].equals("gold");
        String[] args = gold ? java.util.Arrays.copyOfRange(argv, 1, argv.length) : argv;
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
        long densityOf = args.length > 2 ? Long.parseLong(args[2]) : articles;
        int dyads = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;

        ArticleGenerator generator = ArticleGenerator.newsLike(seed, densityOf);
        Extractor extractor = Extractors.standard();
        java.util.Set<String> kept = new java.util.HashSet<>();
        // articles per line of the running figures (0: ten lines over the replay)
        int window = Integer.getInteger("riposte.replayWindow", 0);
        int every = window > 0 ? window : Math.max(1, articles / 10);

        CountingSortedStore.Counted counted = CountingSortedStore.newStores();
        CountingSortedStore.Counted stores = counted;
        int cachedMentions = Integer.getInteger("riposte.cachedMentions", Correlator.DEFAULT_CACHED_MENTIONS);
        Correlator correlator = new Correlator(CorrelationSettings.defaults(), stores.stores(), cachedMentions);
        MessageDigest updates = MessageDigest.getInstance("SHA-256");
        long rejected = 0;
        long correlationNanos = 0;
        long mentionCount = 0;
        long extractNanos = 0;
        // CPU time as well as wall time: on a shared machine the wall time also counts waiting for a core
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuNanos = 0;
        // what the changed actions carry (each one a store write and an output record) against what they would
        // carry with every report (issue 15's bounded evidence)
        long reportsCarried = 0;
        long reportsInAll = 0;
        long sentenceChars = 0;
        Window w = new Window();
        // Articles are generated and correlated one by one (the same order as extracting them all first, so
        // the same fingerprints), which keeps a million-article replay in a few GB of heap.
        for (int article = 0; article < articles; article++) {
            long t0 = System.nanoTime();
            ArticleGenerator.Generated g = generator.next();
            List<ExtractedAction> mentions = new ArrayList<>();
            if (gold) {
                for (ExtractedAction m : goldMentions(g.gold())) {
                    if (kept.contains(m.dyad()) || (kept.size() < dyads && kept.add(m.dyad()))) {
                        mentions.add(m);
                    }
                }
            } else {
                mentions.addAll(extractor.extract(g.article()).actions());
            }
            extractNanos += System.nanoTime() - t0;
            for (ExtractedAction mention : mentions) {
                mentionCount++;
                long s = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                CorrelationUpdate u;
                try {
                    u = correlator.add(mention);
                } catch (IllegalArgumentException e) {
                    rejected++;
                    updates.update(("rejected " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                    continue;
                } finally {
                    correlationNanos += System.nanoTime() - s;
                    cpuNanos += threads.getCurrentThreadCpuTime() - c;
                    counted.endStep();
                }
                updates.update((u + "\n").getBytes(StandardCharsets.UTF_8));
                for (io.riposte.domain.Action a : u.actions()) {
                    reportsCarried += a.evidence().size();
                    reportsInAll += a.evidenceTotal();
                    for (io.riposte.domain.Evidence e : a.evidence()) {
                        sentenceChars += e.sentence().length();
                    }
                }
            }
            if ((article + 1) % every == 0) {
                w.print(article + 1, mentionCount, cpuNanos, counted, correlator);
            }
        }
        System.out.printf("extracted %,d mentions from %,d articles in %.1f s%n", mentionCount, articles, extractNanos / 1e9);
        System.out.printf("correlated %,d mentions (%d rejected) in %.2f s = %,.0f mentions/s (CPU %.2f s = %,.0f mentions/s), %,d mention reads%n",
                mentionCount, rejected, correlationNanos / 1e9, mentionCount / (correlationNanos / 1e9),
                cpuNanos / 1e9, mentionCount / (cpuNanos / 1e9), correlator.mentionReads());
        System.out.printf("fast path (-Driposte.noFastPath=true: off): %,d inserts (%,d rebuilt their action in full); fallbacks %s%n",
                correlator.fastJoins(), correlator.fastRebuilds(), correlator.fastPathFallbacks());
        long[] builds = correlator.buildsReusedAndMade();
        System.out.printf("actions of recomputed episodes: %,d builds reused, %,d made%n", builds[0], builds[1]);
        // each write is one record of the store's changelog topic (before the Streams record cache merges
        // the writes of one key within a commit interval)
        System.out.printf("store writes (changelog records) per article: mentions %.2f, actions %.2f, chains %.2f, index %.2f,"
                + " total %.2f; episode cache %d mentions%n", stores.mentions().writes() / (double) articles,
                stores.actions().writes() / (double) articles, stores.chains().writes() / (double) articles,
                stores.index().writes() / (double) articles, stores.writes() / (double) articles, cachedMentions);
        // what the topology's changelogs receive: it buffers a step and writes each key once
        System.out.printf("changelog records per article (each key once per insert): mentions %.2f, actions %.2f, chains %.2f,"
                + " index %.2f, total %.2f; index by kind %s%n", stores.mentions().records() / (double) articles,
                stores.actions().records() / (double) articles, stores.chains().records() / (double) articles,
                stores.index().records() / (double) articles, stores.records() / (double) articles,
                perArticle(stores.index().recordsByKind(), articles));
        System.out.printf("reports in the changed actions per article: carried %.2f (sentences %,.0f chars), in all %.2f%n",
                reportsCarried / (double) articles, sentenceChars / (double) articles, reportsInAll / (double) articles);
        System.out.println("updates  " + hex(updates.digest()));
        System.out.println("mentions " + fingerprint(stores.mentions().snapshot()));
        System.out.println("actions  " + fingerprint(stores.actions().snapshot()));
        System.out.println("chains   " + fingerprint(stores.chains().snapshot()));
        System.out.println("book     " + fingerprint(stores.index().snapshot()));
    }

    private static String perArticle(Map<String, Long> counts, int articles) {
        StringBuilder out = new StringBuilder();
        counts.forEach((k, n) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format("%.2f", n / (double) articles)));
        return out.toString();
    }

    /** The running figures of one window of articles: what each insert cost there, to see what grows. */
    private static final class Window {
        long articles;
        long mentions;
        long cpu;
        long reads;
        long writes;
        long mentionReads;
        long joins;
        long evidenceRead;
        long evidenceWritten;

        void print(long articlesNow, long mentionsNow, long cpuNow, CountingSortedStore.Counted s, Correlator c) {
            long payloadRead = s.actions().payloadRead() + s.chains().payloadRead();
            long payloadWritten = s.actions().payloadWritten() + s.chains().payloadWritten();
            long m = Math.max(1, mentionsNow - mentions);
            long a = Math.max(1, articlesNow - articles);
            System.out.printf("  %,9d articles %,9d mentions: CPU %6.1f us/mention, store entries read %5.1f/mention (mentions %5.1f),"
                    + " written %5.2f/article, evidence+steps read %7.1f/mention, written %6.1f/mention, fast path %4.1f %%%n",
                    articlesNow, mentionsNow, (cpuNow - cpu) / 1e3 / m, (s.reads() - reads) / (double) m,
                    (c.mentionReads() - mentionReads) / (double) m, (s.writes() - writes) / (double) a,
                    (payloadRead - evidenceRead) / (double) m, (payloadWritten - evidenceWritten) / (double) m,
                    100.0 * (c.fastJoins() - joins) / m);
            articles = articlesNow;
            mentions = mentionsNow;
            cpu = cpuNow;
            reads = s.reads();
            writes = s.writes();
            mentionReads = c.mentionReads();
            joins = c.fastJoins();
            evidenceRead = payloadRead;
            evidenceWritten = payloadWritten;
        }
    }

    private static List<ExtractedAction> goldMentions(List<ArticleGenerator.GoldAction> gold) {
        List<ExtractedAction> out = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            ArticleGenerator.GoldAction a = gold.get(i);
            io.riposte.domain.FuzzyDate date = a.precision() == io.riposte.domain.DatePrecision.DAY
                    ? io.riposte.domain.FuzzyDate.ofDay(a.date())
                    : io.riposte.domain.FuzzyDate.ofMonth(a.date().getYear(), a.date().getMonthValue());
            List<String> respondsTo = i > 0 && !a.background() && gold.get(i - 1).step() == a.step() - 1
                    ? List.of(a.articleId() + "-" + (i - 1)) : List.of();
            String sentence = a.source() + " " + a.type() + " " + a.target();
            out.add(new ExtractedAction(a.articleId() + "-" + i, a.articleId(), null, a.source(), a.target(), a.type(), date,
                    a.count(), a.background() ? io.riposte.domain.Modality.BACKGROUND : io.riposte.domain.Modality.ASSERTED, 0.8,
                    List.of(new io.riposte.domain.Evidence(a.articleId(), null, sentence, 0, sentence.length())), respondsTo,
                    respondsTo.isEmpty() ? null : "in response to"));
        }
        return out;
    }

    private static String fingerprint(java.util.SortedMap<String, ?> entries) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        for (Map.Entry<String, ?> e : entries.entrySet()) {
            d.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return entries.size() + " entries " + hex(d.digest());
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
