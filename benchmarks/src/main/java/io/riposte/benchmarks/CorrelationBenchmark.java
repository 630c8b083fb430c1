package io.riposte.benchmarks;

import io.riposte.correlation.CorrelationSettings;
import io.riposte.correlation.CorrelationUpdate;
import io.riposte.correlation.Correlator;
import io.riposte.correlation.InMemorySortedStore;
import io.riposte.domain.ExtractedAction;
import java.time.LocalDate;
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
 * Cost of one {@link Correlator#add} into a dyad that already holds {@code priors} actions, each in
 * its own episode (spaced 100 days apart, more than the 90-day link window), on the in-memory stores.
 * Issue 8's bar: the cost is flat within 2x from 1,000 to 100,000 prior actions.
 *
 * <p>Every invocation re-adds the same probe mention (a Russian answer 30 days after the last prior
 * US expulsion) with its count switched between 3 and 4. A known id with new content replaces the old
 * mention, so each call does a full insert (store the mention, grow its episode by range scans,
 * recompute it, diff, tombstone the old action id, write the new one) while the dyad keeps exactly
 * {@code priors + 1} mentions: the figure for 10 priors is not polluted by the inserts of the
 * measurement itself.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CorrelationBenchmark -f 1 -wi 3 -i 3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CorrelationBenchmark {

    static final int SPACING_DAYS = 100;

    @Param({"10", "1000", "100000"})
    public int priors;

    private Correlator correlator;
    private ExtractedAction[] probes;
    private int next = 1;

    @Setup(Level.Trial)
    public void setUp() {
        correlator = new Correlator(CorrelationSettings.defaults(), InMemorySortedStore.newStores());
        LocalDate day = LocalDate.of(1990, 1, 10);
        for (int i = 0; i < priors; i++) {
            boolean us = i % 2 == 0;
            correlator.add(mention("prior-" + i, us ? "USA" : "RUS", us ? "RUS" : "USA", day, 2 + i % 7));
            day = day.plusDays(SPACING_DAYS);
        }
        LocalDate lastPrior = day.minusDays(SPACING_DAYS);
        // the probe answers the last prior act (same episode); the last prior's source is USA when priors is odd
        String src = priors % 2 == 1 ? "RUS" : "USA";
        String tgt = src.equals("RUS") ? "USA" : "RUS";
        probes = new ExtractedAction[] {
            mention("probe", src, tgt, lastPrior.plusDays(30), 3),
            mention("probe", src, tgt, lastPrior.plusDays(30), 4)};
        CorrelationUpdate first = correlator.add(probes[0]);
        long before = correlator.mentionReads();
        if (first.isEmpty() || correlator.add(probes[1]).isEmpty()) {
            throw new IllegalStateException("the probe changed nothing");
        }
        // the structural half of the bar: a flat count of store entries read per insert, whatever the history
        System.out.printf("%n%d prior actions: %d mention reads per insert%n", priors, correlator.mentionReads() - before);
    }

    @Benchmark
    public CorrelationUpdate insert() {
        next ^= 1;
        return correlator.add(probes[next]);
    }

    static ExtractedAction mention(String id, String source, String target, LocalDate day, int count) {
        return CoverageBenchmark.report(id, source, target, day, count, "expelled");
    }
}
