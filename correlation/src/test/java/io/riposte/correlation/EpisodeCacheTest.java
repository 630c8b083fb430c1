package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The episode cache of {@link Correlator} is a copy of what the stores hold, never a second source of
 * truth: a correlator with it and one without (capacity 0, every insert reads its episode from the
 * stores) must return the same update for every insert and end with the same stores, whatever the
 * order, with the cache large or small enough to evict.
 */
class EpisodeCacheTest {

    /** Feeds both correlators the same inserts and compares each update and the final stores. */
    static long[] assertSameAsWithoutCache(List<ExtractedAction> inserts, int capacity) {
        CountingSortedStore.Counted withStores = CountingSortedStore.newStores();
        CountingSortedStore.Counted withoutStores = CountingSortedStore.newStores();
        Correlator with = new Correlator(CorrelationSettings.defaults(), withStores.stores(), capacity);
        Correlator without = new Correlator(CorrelationSettings.defaults(), withoutStores.stores(), 0);
        for (int i = 0; i < inserts.size(); i++) {
            ExtractedAction m = inserts.get(i);
            assertThat(with.add(m)).as("update of insert %d (%s)", i, m.id()).isEqualTo(without.add(m));
        }
        assertSameStores(withStores, withoutStores);
        return new long[] {with.mentionReads(), without.mentionReads()};
    }

    static void assertSameStores(CountingSortedStore.Counted a, CountingSortedStore.Counted b) {
        assertThat(a.mentions().snapshot()).isEqualTo(b.mentions().snapshot());
        assertThat(a.actions().snapshot()).isEqualTo(b.actions().snapshot());
        assertThat(a.chains().snapshot()).isEqualTo(b.chains().snapshot());
        assertThat(a.index().snapshot()).isEqualTo(b.index().snapshot());
    }

    /**
     * A much-reported exchange: expulsions, threats and summonses of both sides over a few months, each
     * reported by many articles with day, month, year, undated and publication-fallback dates, some
     * reports revised (same id, new content), some denied or background, some citing another report.
     */
    private static List<ExtractedAction> coveredExchange(long seed) {
        Random r = new Random(seed);
        ActionType[] types = {ActionType.EXPEL_DIPLOMATS, ActionType.EXPEL_DIPLOMATS, ActionType.THREATEN_RETALIATION,
            ActionType.SUMMON_ENVOY, ActionType.SANCTION};
        Modality[] modalities = {Modality.ASSERTED, Modality.ASSERTED, Modality.ASSERTED, Modality.BACKGROUND,
            Modality.NEGATED, Modality.PLANNED};
        List<ExtractedAction> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int act = r.nextInt(8);
            boolean us = act % 2 == 0;
            LocalDate day = LocalDate.of(2017, 2, 1).plusDays(25L * act + (r.nextInt(5) == 0 ? r.nextInt(4) : 0));
            String date = switch (r.nextInt(8)) {
                case 0 -> day.toString().substring(0, 7);
                case 1 -> day.toString().substring(0, 4);
                case 2 -> "--" + day.toString().substring(5, 7);
                default -> day.toString();
            };
            Integer count = r.nextInt(4) == 0 ? null : 3 + act % 3;
            String id = r.nextInt(12) == 0 && i > 0 ? "c" + r.nextInt(i) : "c" + i; // a revision of an earlier report
            String[] refs = r.nextInt(10) == 0 && i > 0 ? new String[] {"c" + r.nextInt(i)} : new String[0];
            out.add(m(id, "a" + r.nextInt(120), us ? "USA" : "RUS", us ? "RUS" : "USA", types[act % types.length], date,
                    count, modalities[r.nextInt(modalities.length)], refs));
        }
        return out;
    }

    @Test
    void randomCorporaGiveTheSameUpdatesAndStoresWithAndWithoutTheCache() {
        for (long seed = 1; seed <= 16; seed++) {
            List<ExtractedAction> corpus = new ArrayList<>(PermutationTest.randomCorpus(seed));
            Collections.shuffle(corpus, new Random(seed));
            assertSameAsWithoutCache(corpus, Correlator.DEFAULT_CACHED_MENTIONS);
            assertSameAsWithoutCache(corpus, 12); // small: episodes that do not fit are not cached, dyads evicted
        }
    }

    @Test
    void aMuchReportedExchangeGivesTheSameUpdatesAndStoresAndReadsLess() {
        for (long seed = 1; seed <= 3; seed++) {
            List<ExtractedAction> inserts = coveredExchange(seed);
            long[] reads = assertSameAsWithoutCache(inserts, Correlator.DEFAULT_CACHED_MENTIONS);
            assertSameAsWithoutCache(inserts, 40);
            // the reports that fall inside a known episode are not read back from the store
            assertThat(reads[0]).as("mention reads with the cache, seed %d", seed).isLessThan(reads[1] / 2);
        }
    }

    @Test
    void revisionsThatKeepTheirDaysUseTheCacheAndChangeNothingElse() {
        for (long seed = 4; seed <= 5; seed++) {
            List<ExtractedAction> inserts = new ArrayList<>(coveredExchange(seed));
            Random r = new Random(seed);
            Modality[] modalities = Modality.values();
            for (int i = 0; i < 120; i++) {
                ExtractedAction x = inserts.get(r.nextInt(inserts.size()));
                // the same id and date, another count, modality or article: a report revised in place
                inserts.add(new ExtractedAction(x.id(), "v" + r.nextInt(40), x.origin(), x.source(), x.target(), x.type(),
                        x.date(), r.nextBoolean() ? x.count() : Integer.valueOf(2 + r.nextInt(4)),
                        modalities[r.nextInt(modalities.length)], 0.5 + r.nextInt(5) / 10.0, x.evidence(), x.respondsTo(), x.cue()));
            }
            long[] reads = assertSameAsWithoutCache(inserts, Correlator.DEFAULT_CACHED_MENTIONS);
            assertSameAsWithoutCache(inserts, 40);
            assertThat(reads[0]).isLessThan(reads[1] / 2);
        }
    }

    @Test
    void aDyadWithTwoLiveEpisodesKeepsBothCached() {
        // reports of two exchanges of one dyad two years apart arrive in turn, each one a day later than the
        // last of its exchange: an insert into one writes nothing in the other's days
        List<ExtractedAction> inserts = new ArrayList<>();
        Random r = new Random(11);
        for (int i = 0; i < 120; i++) {
            LocalDate day = (i % 2 == 0 ? LocalDate.of(2019, 3, 1) : LocalDate.of(2021, 3, 1)).plusDays(i / 2);
            boolean flip = r.nextBoolean();
            ActionType type = r.nextInt(4) == 0 ? ActionType.THREATEN_RETALIATION : ActionType.EXPEL_DIPLOMATS;
            inserts.add(m("e" + i, "n" + i, flip ? "USA" : "RUS", flip ? "RUS" : "USA", type, day.toString(), 2 + r.nextInt(2)));
        }
        long[] reads = assertSameAsWithoutCache(inserts, Correlator.DEFAULT_CACHED_MENTIONS);
        // each exchange is read from the stores only when first met, not again on every other insert
        assertThat(reads[0]).isLessThan(10);
        assertThat(reads[1]).isGreaterThan(1000);
    }

    @Test
    void undatedReportsMovingBetweenCachedEpisodesDoNotRereadThem() {
        // Two exchanges of one dyad half a year apart, the later one told after the first: a new report of the
        // later one with a count moves the undated reports of that count (anchored to the latest dated report of
        // it) out of the earlier exchange, and a new latest date re-anchors those anchored by their kind alone.
        // Such an insert recomputes two or three episodes, which the cache holds, with the reports anchored to them.
        List<ExtractedAction> inserts = new ArrayList<>();
        Random r = new Random(23);
        for (int i = 0; i < 400; i++) {
            boolean later = i >= 150;
            boolean flip = r.nextBoolean();
            String src = flip ? "USA" : "RUS";
            String tgt = flip ? "RUS" : "USA";
            Integer count = r.nextInt(3) == 0 ? null : 4 + r.nextInt(2);
            if (r.nextInt(3) == 0) {
                inserts.add(m("u" + i, "p" + i, src, tgt, ActionType.EXPEL_DIPLOMATS, "", count));
            } else {
                // a few reports first set each exchange's days; the rest fall within them
                int day = i < 4 || later && i < 154 ? (i % 4) * 6 : r.nextInt(19);
                LocalDate d = (later ? LocalDate.of(2022, 9, 1) : LocalDate.of(2022, 3, 1)).plusDays(day);
                inserts.add(m("d" + i, "n" + i, src, tgt, ActionType.EXPEL_DIPLOMATS, d.toString(), count));
            }
        }
        long[] reads = assertSameAsWithoutCache(inserts, Correlator.DEFAULT_CACHED_MENTIONS);
        assertSameAsWithoutCache(inserts, 60);
        // undated reports revised in place (another count, article or modality) while anchored in cached episodes
        List<ExtractedAction> revised = new ArrayList<>(inserts);
        List<ExtractedAction> undated = inserts.stream().filter(x -> !x.date().hasYear()).toList();
        for (int i = 0; i < 80; i++) {
            ExtractedAction x = undated.get(r.nextInt(undated.size()));
            revised.add(new ExtractedAction(x.id(), "w" + r.nextInt(30), x.origin(), x.source(), x.target(), x.type(), x.date(),
                    r.nextBoolean() ? x.count() : Integer.valueOf(4 + r.nextInt(2)), r.nextInt(4) == 0 ? Modality.NEGATED : x.modality(),
                    x.confidence(), x.evidence(), x.respondsTo(), x.cue()));
        }
        assertSameAsWithoutCache(revised, Correlator.DEFAULT_CACHED_MENTIONS);
        assertSameAsWithoutCache(revised, 60);
        // before: 74,946 reads with the cache, 132,596 without (each moving report reread both exchanges)
        assertThat(reads[0]).as("mention reads with the cache").isLessThan(reads[1] / 3);
    }

    @Test
    void otherDyadsInBetweenEvictOrKeepTheirOwnEpisodes() {
        List<ExtractedAction> inserts = new ArrayList<>();
        String[][] dyads = {{"USA", "RUS"}, {"GBR", "RUS"}, {"FRA", "IRN"}, {"DEU", "CHN"}};
        Random r = new Random(5);
        for (int i = 0; i < 200; i++) {
            String[] d = dyads[r.nextInt(dyads.length)];
            boolean flip = r.nextBoolean();
            LocalDate day = LocalDate.of(2020, 5, 1).plusDays(r.nextInt(4) * 30L);
            inserts.add(m("d" + i, "n" + r.nextInt(50), flip ? d[0] : d[1], flip ? d[1] : d[0], ActionType.EXPEL_DIPLOMATS,
                    day.toString(), 2 + r.nextInt(2)));
        }
        assertSameAsWithoutCache(inserts, Correlator.DEFAULT_CACHED_MENTIONS);
        assertSameAsWithoutCache(inserts, 30);
    }
}
