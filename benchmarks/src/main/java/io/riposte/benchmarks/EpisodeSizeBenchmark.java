package io.riposte.benchmarks;

import io.riposte.correlation.CorrelationSettings;
import io.riposte.correlation.CorrelationUpdate;
import io.riposte.correlation.Correlator;
import io.riposte.correlation.CountingSortedStore;
import io.riposte.domain.ActionType;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 15's bar: the cost of one more report should not depend on how many reports its episode already
 * holds ({@code reportsPerEpisode} = 10, 100, 1,000; within 1.5x). The episode is a small exchange of
 * {@link #ACTIONS} expulsions (alternating sides, 20 days apart, so one episode) whose reports, each from
 * its own article, are spread evenly over its actions: the shape a row takes when news covers it heavily.
 * {@code cachedMentions} = 0 is the correlator without its episode cache (every insert reads its episode
 * back from the mention store, as before issue 15); 10,000 is the default.
 *
 * <p>So that the episode keeps its size however many invocations JMH makes, every invocation revises one
 * probe report of the second action (same id and date, the article's sentence switched between two
 * wordings): a full insert (store, find the episode, recompute it, diff, write the changed action). The
 * set-up also prints the structural figures of a NEW report (a new article), which do not depend on the
 * machine's load: mentions read and store entries written per insert.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EpisodeSizeBenchmark -f 1}. {@code fastPath} false
 * forces every insert through the full recomputation of its episode ({@link Correlator}'s reference).
 *
 * <p>{@link #main}: the same inserts timed in thread CPU time (steadier than JMH's wall clock on a
 * shared machine): {@code java -cp benchmarks/target/benchmarks.jar io.riposte.benchmarks.EpisodeSizeBenchmark [inserts=3000] [sizes=10,100,1000] [fastPath=both]}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EpisodeSizeBenchmark {

    static final int ACTIONS = 4;
    static final int SPACING_DAYS = 20;

    @Param({"10", "100", "1000"})
    public int reportsPerEpisode;

    @Param({"0", "10000"})
    public int cachedMentions;

    @Param({"true", "false"})
    public boolean fastPath;

    private Correlator correlator;
    private ExtractedAction[] probes;
    private int next = 1;

    @Setup(Level.Trial)
    public void setUp() {
        CountingSortedStore.Counted stores = CountingSortedStore.newStores();
        correlator = new Correlator(CorrelationSettings.defaults(), stores.stores(), cachedMentions, fastPath);
        for (int r = 0; r < reportsPerEpisode - 1; r++) {
            correlator.add(report("r" + r, r % ACTIONS, "expelled"));
        }
        long reads = correlator.mentionReads();
        long writes = stores.writes();
        correlator.add(report("r" + (reportsPerEpisode - 1), (reportsPerEpisode - 1) % ACTIONS, "expelled"));
        long joins = correlator.fastJoins();
        long visited = correlator.membersVisited();
        long storeReads = stores.reads();
        correlator.add(report("r" + reportsPerEpisode, reportsPerEpisode % ACTIONS, "expelled"));
        System.out.printf("%n%d reports per episode, cache %d, fast path %s: a new report reads %d mentions and %d store entries,"
                + " writes %d store entries, takes the fast path %d time(s) (visiting %d reports of its action)%n",
                reportsPerEpisode, cachedMentions, fastPath, correlator.mentionReads() - reads, stores.reads() - storeReads,
                stores.writes() - writes, correlator.fastJoins() - joins, correlator.membersVisited() - visited);
        probes = new ExtractedAction[] {report("probe", 1, "expelled"), report("probe", 1, "ordered out")};
        if (correlator.add(probes[0]).isEmpty() || correlator.add(probes[1]).isEmpty()) {
            throw new IllegalStateException("the probe changed nothing");
        }
    }

    @Benchmark
    public CorrelationUpdate insert() {
        next ^= 1;
        return correlator.add(probes[next]);
    }

    /** Thread CPU time per insert (the probe's revisions, as {@link #insert}), by episode size, fast path on and off. */
    public static void main(String[] args) {
        int inserts = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int[] sizes = args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {10, 100, 1000};
        boolean[] modes = args.length > 2 ? new boolean[] {Boolean.parseBoolean(args[2])} : new boolean[] {true, false};
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        // three rounds over every case: the first ones run while the JIT still compiles
        for (int round = 1; round <= 3; round++) {
          for (boolean fast : modes) {
            for (int size : sizes) {
                EpisodeSizeBenchmark b = new EpisodeSizeBenchmark();
                b.reportsPerEpisode = size;
                b.cachedMentions = Correlator.DEFAULT_CACHED_MENTIONS;
                b.fastPath = fast;
                b.setUp();
                for (int i = 0; i < inserts; i++) {
                    b.insert(); // warm-up
                }
                long joins = b.correlator.fastJoins();
                long c0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < inserts; i++) {
                    b.insert();
                }
                long cpu = threads.getCurrentThreadCpuTime() - c0;
                System.out.printf("round %d, fast path %s, %,d reports per episode: %.1f us CPU per insert (%d of %d inserts on the fast path)%n",
                        round, fast, size, cpu / 1e3 / inserts, b.correlator.fastJoins() - joins, inserts);
            }
          }
        }
    }

    /** A report of action {@code a} of the episode, from its own article. */
    static ExtractedAction report(String id, int a, String verb) {
        boolean us = a % 2 == 0;
        String source = us ? "USA" : "RUS";
        String target = us ? "RUS" : "USA";
        int count = 5 + a;
        LocalDate day = LocalDate.of(2011, 3, 1).plusDays((long) SPACING_DAYS * a);
        String sentence = source + " " + verb + " " + count + " diplomats of " + target + " (" + id + ").";
        return new ExtractedAction(id, "art-" + id, "bench/" + id + ".txt", source, target, ActionType.EXPEL_DIPLOMATS,
                FuzzyDate.ofDay(day), count, Modality.ASSERTED, 0.8,
                List.of(new Evidence("art-" + id, "bench/" + id + ".txt", sentence, 0, sentence.length())), List.of(), null);
    }
}
