package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Work per insert must not grow with the dyad's history: counted in store entries read, not in time. */
class ScalingTest {

    /** Reads made by one insert into the middle of a dyad that already holds {@code priorEpisodes} two-step episodes. */
    private static long readsOfOneInsert(int priorEpisodes) {
        CountingSortedStore.Counted stores = CountingSortedStore.newStores();
        Correlator c = new Correlator(CorrelationSettings.defaults(), stores.stores());
        LocalDate start = LocalDate.of(1900, 1, 1);
        for (int i = 0; i < priorEpisodes; i++) {
            // an expulsion and its mirror, then a quiet year
            LocalDate d = start.plusDays(400L * i);
            c.add(m("p" + i, "a" + i, "USA", "RUS", ActionType.EXPEL_DIPLOMATS, d.toString(), 5));
            c.add(m("q" + i, "a" + i, "RUS", "USA", ActionType.EXPEL_DIPLOMATS, d.plusDays(3).toString(), 5));
        }
        long before = stores.reads();
        LocalDate mid = start.plusDays(400L * (priorEpisodes / 2) + 10);
        CorrelationUpdate u = c.add(m("new", "z", "USA", "RUS", ActionType.SANCTION, mid.toString(), null));
        assertThat(u.chains()).hasSize(1); // it joined the episode it falls in
        return stores.reads() - before;
    }

    @Test
    void readsPerInsertStayFlatFromHundredsToThousandsOfPriorActions() {
        long small = readsOfOneInsert(50);    // 100 prior actions
        long large = readsOfOneInsert(2_500); // 5,000 prior actions
        System.out.println("store entries read by one insert: " + small + " with 100 prior actions, " + large + " with 5,000");
        assertThat(small).isPositive();
        assertThat(large).isLessThanOrEqualTo(small + 2).isLessThan(60);
    }
}
