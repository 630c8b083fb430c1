package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static io.riposte.domain.ActionType.CLOSE_MISSION;
import static io.riposte.domain.ActionType.EXPEL_DIPLOMATS;
import static io.riposte.domain.ActionType.SANCTION;
import static io.riposte.domain.ActionType.SUMMON_ENVOY;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Chain;
import io.riposte.domain.ChainStatus;
import io.riposte.domain.ChainStep;
import io.riposte.domain.ExtractedAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainTest {

    private static List<ExtractedAction> twoEpisodes() {
        return List.of(
                m("a1", "a", "GBR", "RUS", EXPEL_DIPLOMATS, "2018-03-14", 23),
                m("a2", "b", "RUS", "GBR", EXPEL_DIPLOMATS, "2018-03-17", 23),
                m("a3", "b", "RUS", "GBR", CLOSE_MISSION, "2018-03-17", null),
                m("b1", "c", "GBR", "RUS", SANCTION, "2021-06-01", null),
                m("b2", "d", "RUS", "GBR", SUMMON_ENVOY, "2021-06-03", null));
    }

    @Test
    void episodesYearsApartAreDifferentChainsOrderedByDate() {
        Fixtures.Topics t = Fixtures.run(twoEpisodes());
        assertThat(t.chains).hasSize(2);
        Chain old = t.chains.values().stream().filter(c -> c.firstDate().year() == 2018).findFirst().orElseThrow();
        assertThat(old.steps()).extracting(ChainStep::source).containsExactly("GBR", "RUS", "RUS");
        assertThat(old.steps().get(0).respondsTo()).isEmpty();
        assertThat(old.steps().get(1).respondsTo()).containsExactly(old.steps().get(0).actionId());
        assertThat(old.id()).isEqualTo("chain-" + old.steps().get(0).actionId());
        assertThat(old.firstDate().iso()).isEqualTo("2018-03-14");
        assertThat(old.lastDate().iso()).isEqualTo("2018-03-17");
        assertThat(old.escalation()).isPositive();
        assertThat(old.dyad()).isEqualTo("GBR-RUS");
        for (ChainStep s : old.steps()) {
            assertThat(t.actions.get(s.actionId()).chainId()).isEqualTo(old.id());
        }
    }

    @Test
    void undatedReportsOfAprilExchangesAYearApartDoNotJoinTheirChains() {
        // Merging and linking widen an undated report to its publication year; the exchanges of April
        // 2022 and April 2023 would then touch. What such a report may denote is the week before.
        Fixtures.Topics t = Fixtures.run(List.of(
                Fixtures.undated("p1", "a", "GBR", "RUS", EXPEL_DIPLOMATS, "2022-04-27"),
                m("p2", "a", "RUS", "GBR", EXPEL_DIPLOMATS, "2022-04-27", 3),
                m("q1", "b", "GBR", "RUS", EXPEL_DIPLOMATS, "2023-04-13", 15),
                Fixtures.undated("q2", "b", "RUS", "GBR", ActionType.THREATEN_RETALIATION, "2023-04-26")));
        assertThat(t.chains.values()).hasSize(2).allSatisfy(c -> assertThat(c.steps()).hasSize(2)
                .extracting(s -> s.date().year()).containsOnly(c.firstDate().year()));
    }

    @Test
    void anOldChainIsDormantOnceALaterActionIsKnownWhateverTheOrder() {
        Fixtures.Topics forward = Fixtures.run(twoEpisodes());
        List<ExtractedAction> reversed = new ArrayList<>(twoEpisodes());
        java.util.Collections.reverse(reversed);
        Fixtures.Topics backward = Fixtures.run(reversed);
        for (Fixtures.Topics t : List.of(forward, backward)) {
            assertThat(t.chains.values()).extracting(c -> c.firstDate().year(), Chain::status)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(2018, ChainStatus.DORMANT),
                            org.assertj.core.groups.Tuple.tuple(2021, ChainStatus.ACTIVE));
        }
        assertThat(forward.chains).isEqualTo(backward.chains);
        assertThat(forward.actions).isEqualTo(backward.actions);
    }

    @Test
    void aLaterActionFlipsTheOldChainToDormantInItsUpdate() {
        Correlator c = new Correlator(CorrelationSettings.defaults(), InMemorySortedStore.newStores());
        List<ExtractedAction> in = twoEpisodes();
        for (int i = 0; i < 3; i++) {
            c.add(in.get(i));
        }
        CorrelationUpdate u = c.add(m("far", "z", "GBR", "RUS", io.riposte.domain.ActionType.NEGOTIATE, "2019-06-01", null));
        assertThat(u.chains()).singleElement().satisfies(ch -> assertThat(ch.status()).isEqualTo(ChainStatus.DORMANT));
        assertThat(u.actions()).extracting(Action::type).containsExactly(io.riposte.domain.ActionType.NEGOTIATE);
    }

    @Test
    void aLoneActionIsInNoChain() {
        Fixtures.Topics t = Fixtures.run(List.of(m("x", "a", "FRA", "IRN", SANCTION, "2022-01-01", null)));
        assertThat(t.chains).isEmpty();
        assertThat(t.actions.values()).singleElement().satisfies(a -> assertThat(a.chainId()).isNull());
    }

    @Test
    void opposingMeasuresWithinTheWindowShareAChainEvenWithoutADirectLink() {
        // the year-precise staff ban cannot be placed before the November expulsion, but both belong to one episode
        Fixtures.Topics t = Fixtures.run(List.of(
                m("ban", "a", "RUS", "USA", io.riposte.domain.ActionType.RESTRICT_STAFF, "2021", null),
                m("us", "b", "USA", "RUS", EXPEL_DIPLOMATS, "2021-11-15", 27)));
        assertThat(t.chains).hasSize(1);
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "USA").respondsTo()).isEmpty();
    }

    @Test
    void undatedArticlesMonthsFormTheirOwnChain() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("r", "u", "RUS", "USA", EXPEL_DIPLOMATS, "--09", 2),
                m("u", "u", "USA", "RUS", EXPEL_DIPLOMATS, "--10", 2, io.riposte.domain.Modality.ASSERTED, "r"),
                m("th", "u", "RUS", "USA", io.riposte.domain.ActionType.THREATEN_RETALIATION, "--10", null),
                m("dated", "v", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 10)));
        assertThat(t.chains).hasSize(1);
        Chain c = t.chains.values().iterator().next();
        assertThat(c.steps()).extracting(s -> s.date().iso()).containsExactly("--09", "--10", "--10");
        assertThat(c.steps().get(2).type()).isEqualTo(io.riposte.domain.ActionType.THREATEN_RETALIATION);
        assertThat(c.status()).isEqualTo(ChainStatus.ACTIVE);
    }

    @Test
    void undatedActsOfBothSidesInOneArticleShareAChainButNotAcrossArticles() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("e1", "a", "CHL", "PER", EXPEL_DIPLOMATS, "", null),
                m("e2", "a", "PER", "CHL", EXPEL_DIPLOMATS, "", null, io.riposte.domain.Modality.ASSERTED, "e1"),
                m("u1", "a", "CHL", "PER", io.riposte.domain.ActionType.OTHER, "", null),
                m("u2", "a", "PER", "CHL", io.riposte.domain.ActionType.OTHER, "", null),
                m("u3", "b", "CHL", "PER", SANCTION, "", null)));
        assertThat(t.chains.values()).singleElement().satisfies(c -> assertThat(c.steps()).hasSize(4));
        assertThat(t.actions.values()).filteredOn(a -> a.type() == SANCTION)
                .singleElement().satisfies(a -> assertThat(a.chainId()).isNull());
    }
}
