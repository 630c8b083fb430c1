package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static io.riposte.domain.ActionType.EXPEL_DIPLOMATS;
import static io.riposte.domain.ActionType.SANCTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Action;
import io.riposte.domain.Chain;
import org.junit.jupiter.api.Test;

class TombstoneTest {

    @Test
    void aMergeThatChangesAnActionsIdTombstonesTheOldActionAndChain() {
        Correlator c = new Correlator(CorrelationSettings.defaults(), InMemorySortedStore.newStores());
        CorrelationUpdate u1 = c.add(m("us-vague", "a", "USA", "RUS", SANCTION, "2021-03", null));
        CorrelationUpdate u2 = c.add(m("ru", "b", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-05", 10));
        String oldAction = u1.actions().get(0).id();
        Chain oldChain = u2.chains().get(0);
        assertThat(oldChain.steps().get(0).actionId()).isEqualTo(oldAction);

        // a precise report of the same sanctions: the action gets its precise date, hence a new id
        CorrelationUpdate u3 = c.add(m("us-precise", "c", "USA", "RUS", SANCTION, "2021-03-15", 32));
        assertThat(u3.deletedActions()).containsExactly(oldAction);
        assertThat(u3.deletedChains()).containsExactly(oldChain.id());
        Action merged = u3.actions().stream().filter(a -> a.type() == SANCTION).findFirst().orElseThrow();
        assertThat(merged.articles()).containsExactly("a.txt", "c.txt");
        assertThat(u3.chains()).singleElement().satisfies(ch -> assertThat(ch.id()).isEqualTo("chain-" + merged.id()));
        // the answering action is re-emitted because what it answers has a new id
        assertThat(u3.actions()).extracting(Action::type).contains(EXPEL_DIPLOMATS);
    }

    @Test
    void aChainThatNoLongerHoldsIsTombstonedWithoutReplacement() {
        Correlator c = new Correlator(CorrelationSettings.defaults(), InMemorySortedStore.newStores());
        c.add(m("us", "a", "USA", "RUS", SANCTION, "2021-03-01", null));
        CorrelationUpdate u1 = c.add(m("ru-month", "b", "RUS", "USA", io.riposte.domain.ActionType.CLOSE_MISSION, "2021-05", null));
        assertThat(u1.chains()).hasSize(1);
        // the precise date puts the closure 91 days after the sanctions: beyond the 90-day window
        CorrelationUpdate u2 = c.add(m("ru-day", "c", "RUS", "USA", io.riposte.domain.ActionType.CLOSE_MISSION, "2021-05-31", null));
        assertThat(u2.deletedChains()).containsExactly(u1.chains().get(0).id());
        assertThat(u2.chains()).isEmpty();
        assertThat(u2.actions()).allSatisfy(a -> assertThat(a.chainId()).isNull());
        assertThat(u2.deletedActions()).hasSize(1); // the month-dated closure became the day-dated one
    }
}
