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
 * article, are spread evenly over them; the insert is one more report of one of them.
 */
class EpisodeSizeCostTest {

    record Cost(long mentionReads, long reads, long writes) {}

    static Cost costOfOneInsert(int reportsPerEpisode) {
        CountingSortedStore.Counted stores = CountingSortedStore.newStores();
        Correlator c = new Correlator(CorrelationSettings.defaults(), stores.stores());
        for (int r = 0; r < reportsPerEpisode; r++) {
            c.add(report("r" + r, r % 4));
        }
        long mentionReads = c.mentionReads();
        long reads = stores.reads();
        long writes = stores.writes();
        CorrelationUpdate u = c.add(report("new", 1));
        assertThat(u.actions()).isNotEmpty(); // the action gained a report and an article
        return new Cost(c.mentionReads() - mentionReads, stores.reads() - reads, stores.writes() - writes);
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
