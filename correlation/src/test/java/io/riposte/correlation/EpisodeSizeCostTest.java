package io.riposte.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Work per insert against the size of the episode it joins (issue 15): counted in store entries, not
 * in time. The episode is an exchange of four expulsions 20 days apart whose reports, each from its own
 * article, are spread evenly over them; the insert is one more report of one of them (or a report told again
 * in other words), which the fast path ({@link EpisodeSummary#join}) adds to its action alone.
 */
class EpisodeSizeCostTest {

    /**
     * @param fastJoins inserts that took the fast path (1: this one)
     * @param membersVisited reports of the joined action the fast path read to rebuild it (0: updated from its summary)
     */
    record Cost(long mentionReads, long reads, long writes, long fastJoins, long membersVisited) {}

    static Cost costOfOneInsert(int reportsPerEpisode) {
        return costOfOneInsert(reportsPerEpisode, report("new", 1));
    }

    static Cost costOfOneInsert(int reportsPerEpisode, ExtractedAction insert) {
        CountingSortedStore.Counted stores = CountingSortedStore.newStores();
        Correlator c = new Correlator(CorrelationSettings.defaults(), stores.stores());
        for (int r = 0; r < reportsPerEpisode; r++) {
            c.add(report("r" + r, r % 4));
        }
        long mentionReads = c.mentionReads();
        long reads = stores.reads();
        long writes = stores.writes();
        long joins = c.fastJoins();
        long visited = c.membersVisited();
        CorrelationUpdate u = c.add(insert);
        assertThat(u.actions()).isNotEmpty(); // the action gained a report and an article
        return new Cost(c.mentionReads() - mentionReads, stores.reads() - reads, stores.writes() - writes,
                c.fastJoins() - joins, c.membersVisited() - visited);
    }

    static ExtractedAction report(String id, int a) {
        boolean us = a % 2 == 0;
        String source = us ? "USA" : "RUS";
        String target = us ? "RUS" : "USA";
        int count = 5 + a;
        LocalDate day = LocalDate.of(2011, 3, 1).plusDays(20L * a);
        String sentence = source + " sent home " + count + " envoys of " + target + " (" + id + ").";
        return new ExtractedAction(id, "art-" + id, "t/" + id + ".txt", source, target, ActionType.EXPEL_DIPLOMATS,
                FuzzyDate.ofDay(day), count, Modality.ASSERTED, 0.8,
                List.of(new Evidence("art-" + id, "t/" + id + ".txt", sentence, 0, sentence.length())), List.of(), null);
    }

    @Test
    void mentionReadsAndStoreWritesOfOneInsertDoNotGrowWithItsEpisode() {
        Cost small = costOfOneInsert(10);
        Cost medium = costOfOneInsert(100);
        Cost large = costOfOneInsert(1000);
        System.out.println("one insert into an episode of 10, 100, 1,000 reports: " + small + ", " + medium + ", " + large);
        // the episode is not read back from the mention store (see Correlator's episode cache)
        assertThat(List.of(small.mentionReads(), medium.mentionReads(), large.mentionReads())).containsOnly(small.mentionReads());
        assertThat(small.mentionReads()).isLessThanOrEqualTo(1);
        // the mention, its index entry, the changed action (and what alerts mark): not one write per report
        assertThat(small.writes()).isPositive();
        assertThat(List.of(medium.writes(), large.writes())).containsOnly(small.writes());
        // store reads too: the alerts read the marker of the new report only, not one per report of its action
        assertThat(List.of(medium.reads(), large.reads())).containsOnly(small.reads());
        // the fast path took it, and updated the action from its summary without visiting its reports
        assertThat(List.of(small.fastJoins(), medium.fastJoins(), large.fastJoins())).containsOnly(1L);
        assertThat(List.of(small.membersVisited(), medium.membersVisited(), large.membersVisited())).containsOnly(0L);
    }

    @Test
    void aRevisedReportInPlaceCostsTheSameAtAnyEpisodeSize() {
        // the same report (id, article, date) told again in other words: the revision takes the fast path too. It is
        // one of the first reports of its action in evidence order (article id), which the action carries.
        List<Cost> costs = List.of(10, 100, 1000).stream().map(n -> {
            ExtractedAction r = report("r1", 1);
            String sentence = r.evidence().get(0).sentence().replace("sent home", "told to leave");
            return costOfOneInsert(n, new ExtractedAction(r.id(), r.articleId(), r.origin(), r.source(), r.target(), r.type(), r.date(),
                    r.count(), r.modality(), r.confidence(), List.of(new Evidence(r.articleId(), r.origin(), sentence, 0, sentence.length())),
                    r.respondsTo(), r.cue()));
        }).toList();
        System.out.println("one revision in an episode of 10, 100, 1,000 reports: " + costs);
        assertThat(costs).extracting(Cost::fastJoins).containsOnly(1L);
        assertThat(costs).extracting(Cost::membersVisited).containsOnly(0L);
        assertThat(costs).extracting(Cost::mentionReads).containsOnly(costs.get(0).mentionReads());
        // at 10 the revised action's alert markers are not yet known to be set (its last alerts came from
        // a recomputation of another action), so its two reports' markers are read once
        assertThat(costs.get(2).reads()).isEqualTo(costs.get(1).reads());
        assertThat(costs).extracting(Cost::writes).containsOnly(costs.get(0).writes());
    }

    @Test
    void withTheFastPathOffTheEpisodeIsRecomputed() {
        // what the assertions above guard against: the same insert through the full recomputation
        CountingSortedStore.Counted stores = CountingSortedStore.newStores();
        Correlator c = new Correlator(CorrelationSettings.defaults(), stores.stores(), Correlator.DEFAULT_CACHED_MENTIONS, false);
        for (int r = 0; r < 100; r++) {
            c.add(report("r" + r, r % 4));
        }
        long reads = stores.reads();
        c.add(report("new", 1));
        assertThat(c.fastJoins()).isZero();
        assertThat(stores.reads() - reads).isGreaterThanOrEqualTo(25); // a marker per report of the changed action
    }

    @Test
    void withoutTheCacheTheEpisodeIsReadBack() {
        // the same insert on a correlator that keeps no copy: what the assertion above guards against
        CountingSortedStore.Counted stores = CountingSortedStore.newStores();
        Correlator c = new Correlator(CorrelationSettings.defaults(), stores.stores(), 0);
        for (int r = 0; r < 100; r++) {
            c.add(report("r" + r, r % 4));
        }
        long before = c.mentionReads();
        c.add(report("new", 1));
        assertThat(c.mentionReads() - before).isGreaterThanOrEqualTo(100);
    }
}
