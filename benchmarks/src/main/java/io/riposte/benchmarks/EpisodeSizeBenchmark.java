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
 * Issue 15's bar: the cost of one more mention should not depend on how many reports its episode
 * already holds ({@code reportsPerEpisode} = 10, 100, 1,000; within 1.5x). The episode is a small
 * exchange of {@link #ACTIONS} expulsions (alternating sides, 20 days apart, so one episode) whose
 * reports are spread evenly over its actions, each report from its own article: the shape a row takes
 * when news covers it heavily.
 *
 * <p>Unlike {@link CoverageBenchmark} (which replaces one probe report), every insert here is a NEW
 * report of a known action from a new article, the common case of a live feed. So that the episode
 * stays at its size, each measured batch of {@link #BATCH} inserts starts from a freshly built episode
 * ({@code Level.Iteration} set-up; single-shot timing of the batch): the batch adds 2 % to the
 * 1,000-report episode and is the whole of the 10-report one's growth only in its last inserts, which
 * is why the figure to compare is per insert of the batch (the score divided by {@link #BATCH}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EpisodeSizeBenchmark -f 1} ({@code -p cachedMentions=10000}
 * for the default correlator only). It also prints the
 * structural figures per insert (mentions read, store entries written), which do not depend on the
 * machine's load.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, batchSize = EpisodeSizeBenchmark.BATCH)
@Measurement(iterations = 40, batchSize = EpisodeSizeBenchmark.BATCH)
@Fork(1)
public class EpisodeSizeBenchmark {

    static final int ACTIONS = 4;
    static final int BATCH = 20;
    static final int SPACING_DAYS = 20;

    @Param({"10", "100", "1000"})
    public int reportsPerEpisode;

    /** The correlator's episode cache, in mentions: 0 reads every episode back from the store (as before issue 15). */
    @Param({"0", "10000"})
    public int cachedMentions;

    private Correlator correlator;
    private CountingSortedStore.Counted stores;
    private int probe;
    private boolean printed;

    @Setup(Level.Iteration)
    public void setUp() {
        stores = CountingSortedStore.newStores();
        correlator = new Correlator(CorrelationSettings.defaults(), stores.stores(), cachedMentions);
        for (int r = 0; r < reportsPerEpisode; r++) {
            correlator.add(report("r" + r, r % ACTIONS));
        }
        probe = 0;
        if (!printed) {
            printed = true;
            long reads = correlator.mentionReads();
            long writes = stores.writes();
            correlator.add(report("warm-probe", 0));
            System.out.printf("%n%d reports per episode, cache %d: %d mention reads, %d store writes per insert%n",
                    reportsPerEpisode, cachedMentions, correlator.mentionReads() - reads, stores.writes() - writes);
        }
    }

    @Benchmark
    public CorrelationUpdate insert() {
        int n = probe++;
        return correlator.add(report("probe-" + n, n % ACTIONS));
    }

    /** A report of action {@code a} of the episode, from its own article. */
    static ExtractedAction report(String id, int a) {
        boolean us = a % 2 == 0;
        String source = us ? "USA" : "RUS";
        String target = us ? "RUS" : "USA";
        int count = 5 + a;
        LocalDate day = LocalDate.of(2011, 3, 1).plusDays((long) SPACING_DAYS * a);
        String sentence = source + " expelled " + count + " diplomats of " + target + " (" + id + ").";
        return new ExtractedAction(id, "art-" + id, "bench/" + id + ".txt", source, target, ActionType.EXPEL_DIPLOMATS,
                FuzzyDate.ofDay(day), count, Modality.ASSERTED, 0.8,
                List.of(new Evidence("art-" + id, "bench/" + id + ".txt", sentence, 0, sentence.length())), List.of(), null);
    }
}
