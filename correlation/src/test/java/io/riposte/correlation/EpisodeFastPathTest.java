package io.riposte.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.CrossDyadCue;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path of {@link Correlator} ({@link EpisodeSummary#join}: one more report that provably
 * joins one action updates that action alone) must give exactly what recomputing the episode gives:
 * the same update for every insert and the same four stores at the end, against a correlator with the
 * same cache and the fast path forced off, on random much-reported exchanges in random orders.
 */
class EpisodeFastPathTest {

    /** Feeds both correlators the same inserts, compares every update and the final stores; returns the fast joins. */
    static long assertSameAsFullRecomputation(List<ExtractedAction> inserts) {
        CountingSortedStore.Counted fastStores = CountingSortedStore.newStores();
        CountingSortedStore.Counted fullStores = CountingSortedStore.newStores();
        Correlator fast = new Correlator(CorrelationSettings.defaults(), fastStores.stores(), Correlator.DEFAULT_CACHED_MENTIONS, true);
        Correlator full = new Correlator(CorrelationSettings.defaults(), fullStores.stores(), Correlator.DEFAULT_CACHED_MENTIONS, false);
        for (int i = 0; i < inserts.size(); i++) {
            ExtractedAction m = inserts.get(i);
            assertThat(fast.add(m)).as("update of insert %d (%s)", i, m.id()).isEqualTo(full.add(m));
        }
        EpisodeCacheTest.assertSameStores(fastStores, fullStores);
        assertThat(full.fastJoins()).isZero();
        System.out.println("fast joins " + fast.fastJoins() + " of " + inserts.size() + " (" + fast.fastRebuilds() + " rebuilt in full), fallbacks "
                + fast.fastPathFallbacks());
        return fast.fastJoins();
    }

    /**
     * An exchange of a few acts of both sides, each told by many articles: mostly day dates (sometimes
     * a day off, a month, a year), counts that sometimes differ or are missing, some threats, OTHER
     * acts and background recalls, a few answers with a cross-dyad cue, some sentences naming a provocation by kind or repeated word for
     * word in another article, some reports citing an earlier one, some articles telling two acts, and
     * revisions (an earlier report's id again, reworded, its confidence, standing or day changed).
     */
    static List<ExtractedAction> reportedExchange(long seed, int reports) {
        Random r = new Random(seed);
        ActionType[] types = {ActionType.EXPEL_DIPLOMATS, ActionType.EXPEL_DIPLOMATS, ActionType.THREATEN_RETALIATION,
            ActionType.OTHER, ActionType.SANCTION, ActionType.CLOSE_MISSION};
        int acts = 2 + r.nextInt(5);
        List<ExtractedAction> out = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            if (i > 0 && r.nextInt(8) == 0) {
                // a revision: an earlier report again, its sentence reworded, its confidence or standing changed
                ExtractedAction x = out.get(r.nextInt(out.size()));
                String sentence = x.source() + " took steps against " + x.target() + " (revised " + i + ").";
                Modality modality = r.nextInt(3) == 0 ? Modality.BACKGROUND : r.nextInt(3) == 0 ? Modality.PLANNED : x.modality();
                double confidence = r.nextInt(2) == 0 ? x.confidence() : 0.5 + r.nextInt(5) / 10.0;
                FuzzyDate date = r.nextInt(10) == 0 ? FuzzyDate.ofDay(x.date().earliest().plusDays(1)) : x.date();
                out.add(new ExtractedAction(x.id(), x.articleId(), x.origin(), x.source(), x.target(), x.type(), date, x.count(), modality,
                        confidence, List.of(new Evidence(x.articleId(), x.origin(), sentence, 0, sentence.length())), x.respondsTo(), x.cue(),
                        x.crossDyad()));
                continue;
            }
            int act = r.nextInt(acts);
            boolean us = act % 2 == 0;
            String source = us ? "USA" : "RUS";
            String target = us ? "RUS" : "USA";
            ActionType type = types[(act + (int) seed) % types.length];
            LocalDate day = LocalDate.of(2014, 5, 1).plusDays(12L * act + (r.nextInt(20) == 0 ? r.nextInt(3) : 0));
            FuzzyDate date = switch (r.nextInt(25)) {
                case 0 -> FuzzyDate.parseIso(day.toString().substring(0, 7));
                case 1 -> FuzzyDate.parseIso(day.toString().substring(0, 4));
                default -> FuzzyDate.ofDay(day);
            };
            Integer count = r.nextInt(10) == 0 ? null : r.nextInt(20) == 0 ? 9 : 2 + act;
            Modality modality = r.nextInt(10) == 0 ? Modality.BACKGROUND : r.nextInt(15) == 0 ? Modality.PLANNED : Modality.ASSERTED;
            String article = r.nextInt(6) == 0 && i > 0 ? "w" + r.nextInt(i) : "w" + i;
            String sentence = switch (r.nextInt(30)) {
                case 0 -> source + " acted after the sanctions of " + target + ".";
                case 1 -> source + " took steps against " + target + " (the wire copy).";
                default -> source + " took steps against " + target + " (" + i + ").";
            };
            List<String> refs = r.nextInt(30) == 0 && i > 0 ? List.of("f" + r.nextInt(i)) : List.of();
            out.add(new ExtractedAction("f" + i, article, article + ".txt", source, target, type, date, count, modality, 0.5 + r.nextInt(5) / 10.0,
                    List.of(new Evidence(article, article + ".txt", sentence, 0, sentence.length())), refs,
                    refs.isEmpty() ? null : "in response to",
                    // now and then an answer that also says it acts in solidarity with a third state
                    r.nextInt(25) == 0 ? new CrossDyadCue(target, "GBR", r.nextBoolean() ? null : ActionType.EXPEL_DIPLOMATS) : null));
        }
        return out;
    }

    @Test
    void randomExchangesGiveTheSameUpdatesAndStoresWithAndWithoutTheFastPath() {
        long joins = 0;
        for (long seed = 1; seed <= 40; seed++) {
            List<ExtractedAction> corpus = reportedExchange(seed, 200);
            Collections.shuffle(corpus, new Random(seed));
            joins += assertSameAsFullRecomputation(corpus);
        }
        // the comparison is worth something only if the fast path was taken, and often
        assertThat(joins).isGreaterThan(1000);
    }

    @Test
    void theRandomCorporaOfTheOtherPropertyTestsToo() {
        for (long seed = 1; seed <= 16; seed++) {
            List<ExtractedAction> corpus = new ArrayList<>(PermutationTest.randomCorpus(seed));
            Collections.shuffle(corpus, new Random(seed));
            assertSameAsFullRecomputation(corpus);
        }
    }

    @Test
    void aNewReportOfAKnownActTakesTheFastPath() {
        CountingSortedStore.Counted stores = CountingSortedStore.newStores();
        Correlator c = new Correlator(CorrelationSettings.defaults(), stores.stores());
        for (int r = 0; r < 40; r++) {
            c.add(EpisodeSizeCostTest.report("r" + r, r % 4));
        }
        long before = c.fastJoins();
        CorrelationUpdate u = c.add(EpisodeSizeCostTest.report("new", 1));
        assertThat(c.fastJoins() - before).as("fast joins (fallbacks: %s)", c.fastPathFallbacks()).isEqualTo(1);
        assertThat(u.actions()).hasSize(1);
        assertThat(u.actions().get(0).articles()).contains("t/new.txt");
    }
}
