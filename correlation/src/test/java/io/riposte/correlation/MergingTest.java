package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static io.riposte.domain.ActionType.EXPEL_DIPLOMATS;
import static io.riposte.domain.ActionType.SANCTION;
import static io.riposte.domain.ActionType.THREATEN_RETALIATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Action;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.Modality;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergingTest {

    @Test
    void sameExpulsionReportedByFiveArticlesAtDifferentPrecisionsIsOneAction() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("m3", "art3", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04", 10),
                m("m1", "art1", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 10),
                m("m4", "art4", "USA", "RUS", EXPEL_DIPLOMATS, "2021", null),
                m("m2", "art2", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-16", 10),
                m("m5", "art5", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", null)));

        assertThat(t.actions).hasSize(1);
        Action a = t.actions.values().iterator().next();
        assertThat(a.date().iso()).isEqualTo("2021-04-15"); // most precise, most reported
        assertThat(a.count()).isEqualTo(10);
        assertThat(a.articles()).containsExactly("art1.txt", "art2.txt", "art3.txt", "art4.txt", "art5.txt");
        assertThat(a.evidence()).hasSize(5);
        assertThat(a.dyad()).isEqualTo("RUS-USA");
        assertThat(a.confidence()).isGreaterThan(0.99 - 1e-9);
    }

    @Test
    void distinctActionsOnTheSameDayStayDistinct() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("s32", "a", "USA", "RUS", SANCTION, "2021-04-15", 32),
                m("s8", "a", "USA", "RUS", SANCTION, "2021-04-15", 8),
                m("e10", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 10),
                m("s32b", "b", "USA", "RUS", SANCTION, "2021-04-15", 32)));

        assertThat(t.actions.values()).extracting(Action::type, Action::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(SANCTION, 32),
                        org.assertj.core.groups.Tuple.tuple(SANCTION, 8),
                        org.assertj.core.groups.Tuple.tuple(EXPEL_DIPLOMATS, 10));
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "USA").articles()).containsExactly("a.txt");
    }

    @Test
    void daysFurtherApartThanTheSlackAreDifferentActions() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("x1", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-01", 2),
                m("x2", "b", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-20", 2)));
        assertThat(t.actions).hasSize(2);
    }

    @Test
    void backgroundRecallAttachesToTheActionAndNeverDuplicatesIt() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("bg", "later", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04", 10, Modality.BACKGROUND),
                m("bg2", "later2", "RUS", "USA", EXPEL_DIPLOMATS, "", null, Modality.BACKGROUND),
                m("news", "first", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-16", 10)));

        Action a = Fixtures.only(t, EXPEL_DIPLOMATS, "RUS");
        assertThat(t.actions).hasSize(1);
        assertThat(a.modality()).isEqualTo(Modality.ASSERTED);
        // the undated recall names no count or month, but the dyad has one dated RUS expulsion: it is that one
        assertThat(a.articles()).containsExactly("first.txt", "later.txt", "later2.txt");
        assertThat(a.date().precision()).isEqualTo(DatePrecision.DAY);
    }

    @Test
    void aDatedBackgroundRecallWithNoMatchFoundsAnActionWithLowerConfidence() {
        Fixtures.Topics bg = Fixtures.run(List.of(m("bg", "a", "RUS", "USA", EXPEL_DIPLOMATS, "2018-03", 60, Modality.BACKGROUND)));
        Fixtures.Topics news = Fixtures.run(List.of(m("n", "a", "RUS", "USA", EXPEL_DIPLOMATS, "2018-03", 60)));
        assertThat(bg.actions).hasSize(1);
        assertThat(bg.actions.values().iterator().next().confidence())
                .isLessThan(news.actions.values().iterator().next().confidence());
    }

    @Test
    void anUndatedBackgroundRecallAloneFoundsNothing() {
        Fixtures.Topics t = Fixtures.run(List.of(m("bg", "a", "RUS", "USA", EXPEL_DIPLOMATS, "", null, Modality.BACKGROUND)));
        assertThat(t.actions).isEmpty();
    }

    @Test
    void negatedAndHypotheticalMentionsNeverCreateActions() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("n", "a", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-16", 10, Modality.NEGATED),
                m("h", "a", "RUS", "USA", SANCTION, "2021-04-16", null, Modality.HYPOTHETICAL)));
        assertThat(t.actions).isEmpty();
        assertThat(t.chains).isEmpty();
    }

    @Test
    void aThreatenedMeasureIsAThreatAndThreatsMergeWhateverTheirCounts() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("t1", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-10-05", 300, Modality.THREATENED),
                m("t2", "b", "USA", "RUS", THREATEN_RETALIATION, "2021-10", null),
                m("e", "c", "USA", "RUS", EXPEL_DIPLOMATS, "2021-10-05", 300)));
        assertThat(t.actions.values()).extracting(Action::type)
                .containsExactlyInAnyOrder(THREATEN_RETALIATION, EXPEL_DIPLOMATS);
        Action threat = Fixtures.only(t, THREATEN_RETALIATION, "USA");
        assertThat(threat.articles()).containsExactly("a.txt", "b.txt");
        assertThat(threat.count()).isEqualTo(300);
    }

    @Test
    void anUndatedReportWithACountOrMonthJoinsTheLatestDatedActionItMayReport() {
        List<io.riposte.domain.ExtractedAction> in = List.of(
                m("old", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2016-12-29", 35),
                m("new", "b", "USA", "RUS", EXPEL_DIPLOMATS, "2018-03-26", 60),
                m("undated60", "c", "USA", "RUS", EXPEL_DIPLOMATS, "", 60),
                m("march", "c", "USA", "RUS", EXPEL_DIPLOMATS, "--03", null),
                m("vague", "d", "USA", "RUS", EXPEL_DIPLOMATS, "", null));
        Fixtures.Topics forward = Fixtures.run(in);
        List<io.riposte.domain.ExtractedAction> reversed = new java.util.ArrayList<>(in);
        java.util.Collections.reverse(reversed);
        assertThat(Fixtures.run(reversed).actions).isEqualTo(forward.actions);
        Action march = forward.actions.values().stream().filter(a -> Integer.valueOf(60).equals(a.count())).findFirst().orElseThrow();
        assertThat(march.articles()).containsExactly("b.txt", "c.txt");
        assertThat(march.date().iso()).isEqualTo("2018-03-26");
        // the bare undated report says too little to be recognised: it stays an action of its own
        assertThat(forward.actions).hasSize(3);
    }

    @Test
    void aPublicationMonthFallbackIsOnlyAnUpperBound() {
        Fixtures.Topics t = Fixtures.run(List.of(
                new io.riposte.domain.ExtractedAction("p1", "a", "a.txt", "USA", "RUS", io.riposte.domain.ActionType.RESTRICT_STAFF,
                        io.riposte.domain.FuzzyDate.ofMonth(2021, 8).withNote("month of publication: no date in the text")
                                .withBasis(io.riposte.domain.DateBasis.PUBLICATION_FALLBACK), null,
                        Modality.ASSERTED, 0.7, List.of(), List.of(), null),
                new io.riposte.domain.ExtractedAction("p2", "b", "b.txt", "USA", "RUS", io.riposte.domain.ActionType.RESTRICT_STAFF,
                        io.riposte.domain.FuzzyDate.ofMonth(2021, 11).withNote("month of publication: no date in the text")
                                .withBasis(io.riposte.domain.DateBasis.PUBLICATION_FALLBACK), null,
                        Modality.ASSERTED, 0.7, List.of(), List.of(), null)));
        assertThat(t.actions).hasSize(1);
        assertThat(t.actions.values().iterator().next().date().iso()).isEqualTo("2021");
    }

    @Test
    void reAddingTheSameMentionChangesNothing() {
        Correlator c = new Correlator(CorrelationSettings.defaults(), InMemorySortedStore.newStores());
        var m = m("x", "a", "USA", "RUS", SANCTION, "2021-04-15", 3);
        assertThat(c.add(m).actions()).hasSize(1);
        assertThat(c.add(m).isEmpty()).isTrue();
    }

    @Test
    void badMentionsAreRefusedWithAReason() {
        Correlator c = new Correlator(CorrelationSettings.defaults(), InMemorySortedStore.newStores());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.add(m("x", "a", "USA", "USA", SANCTION, "2021-04-15", 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source and target");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.add(m("bad id", "a", "USA", "RUS", SANCTION, "2021-04-15", 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mention id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.add(m("y", "a", "USAX", "RUS", SANCTION, "2021-04-15", 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dyad");
    }
}
