package io.riposte.benchmarks;

import io.riposte.correlation.CorrelationSettings;
import io.riposte.correlation.CorrelationUpdate;
import io.riposte.correlation.Correlator;
import io.riposte.correlation.InMemorySortedStore;
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
 * How the cost of one {@link Correlator#add} grows with news coverage: one more report of an action
 * that already has {@code reports} reports, in an episode of {@code actions} actions (alternating
 * sides, 20 days apart, so the dyad is never quiet for the 90 days that would split the episode) that
 * each have that many reports. {@code actions = 1} is a single much-reported action; larger values are
 * a dense row that news covers heavily, the case of a million-article corpus.
 *
 * <p>Every invocation re-adds the same probe report of the last action with its evidence switched
 * between two sentences: a known id with new content replaces the old mention, so each call is a full
 * insert (store, find the episode, recompute it, diff, write the changed action) while the episode
 * keeps exactly {@code actions * reports + 1} reports.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CoverageBenchmark -f 1 -wi 3 -i 3}
 * (add {@code -p actions=1 -p reports=1000} to pick a case).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CoverageBenchmark {

    static final int SPACING_DAYS = 20;

    @Param({"1", "10", "100", "1000"})
    public int reports;

    @Param({"1", "20"})
    public int actions;

    private Correlator correlator;
    private ExtractedAction[] probes;
    private int next = 1;

    @Setup(Level.Trial)
    public void setUp() {
        correlator = new Correlator(CorrelationSettings.defaults(), InMemorySortedStore.newStores());
        LocalDate day = LocalDate.of(2010, 1, 10);
        String src = "USA";
        String tgt = "RUS";
        for (int a = 0; a < actions; a++) {
            src = a % 2 == 0 ? "USA" : "RUS";
            tgt = a % 2 == 0 ? "RUS" : "USA";
            int count = 5 + a % 7;
            for (int r = 0; r < reports; r++) {
                correlator.add(report("a" + a + "-r" + r, src, tgt, day, count, "expelled"));
            }
            if (a + 1 < actions) {
                day = day.plusDays(SPACING_DAYS);
            }
        }
        int count = 5 + (actions - 1) % 7;
        probes = new ExtractedAction[] {
            report("probe", src, tgt, day, count, "expelled"),
            report("probe", src, tgt, day, count, "ordered out")};
        CorrelationUpdate first = correlator.add(probes[0]);
        long before = correlator.mentionReads();
        if (first.isEmpty() || correlator.add(probes[1]).isEmpty()) {
            throw new IllegalStateException("the probe changed nothing");
        }
        System.out.printf("%n%d actions x %d reports: %d mention reads per insert%n", actions, reports,
                correlator.mentionReads() - before);
    }

    @Benchmark
    public CorrelationUpdate insert() {
        next ^= 1;
        return correlator.add(probes[next]);
    }

    static ExtractedAction report(String id, String source, String target, LocalDate day, int count, String verb) {
        String sentence = source + " " + verb + " " + count + " diplomats of " + target + ".";
        return new ExtractedAction(id, "art-" + id, "bench/" + id + ".txt", source, target, ActionType.EXPEL_DIPLOMATS,
                FuzzyDate.ofDay(day), count, Modality.ASSERTED, 0.9,
                List.of(new Evidence("art-" + id, "bench/" + id + ".txt", sentence, 0, sentence.length())), List.of(), null);
    }
}
