package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static io.riposte.domain.ActionType.CLOSE_MISSION;
import static io.riposte.domain.ActionType.EXPEL_DIPLOMATS;
import static io.riposte.domain.ActionType.SANCTION;
import static io.riposte.domain.ActionType.THREATEN_RETALIATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Action;
import io.riposte.domain.AlertType;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import io.riposte.domain.Modality;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkTest {

    @Test
    void explicitCueMapsTheCitedMentionToItsMergedAction() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("us", "a", "USA", "RUS", SANCTION, "2021-04-15", 32),
                m("us-bg", "b", "USA", "RUS", SANCTION, "2021-04-15", null, Modality.BACKGROUND),
                // a same-type mirror candidate exists, but the text names the sanctions
                m("us-ex", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 10),
                m("ru", "b", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-16", 10, Modality.ASSERTED, "us-bg")));
        Action ru = Fixtures.only(t, EXPEL_DIPLOMATS, "RUS");
        Action us = Fixtures.only(t, SANCTION, "USA");
        assertThat(ru.respondsTo()).containsExactly(new Link(us.id(), LinkReason.EXPLICIT_CUE, 0.9));
    }

    @Test
    void explicitCueToAnUndatedRecallFindsTheDatedActionItDescribes() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("ru-ban", "c", "RUS", "USA", io.riposte.domain.ActionType.RESTRICT_STAFF, "2021", null, Modality.BACKGROUND, "us-any"),
                m("us-any", "c", "USA", "RUS", EXPEL_DIPLOMATS, "", null, Modality.BACKGROUND),
                m("us", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 10),
                m("us-late", "d", "USA", "RUS", EXPEL_DIPLOMATS, "2021-12-10", 27)));
        Action ban = Fixtures.only(t, io.riposte.domain.ActionType.RESTRICT_STAFF, "RUS");
        Action april = t.actions.values().stream().filter(a -> Integer.valueOf(10).equals(a.count())).findFirst().orElseThrow();
        // the December expulsion is also compatible but cannot be what a mid-year measure answered
        assertThat(ban.respondsTo()).extracting(Link::actionId, Link::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(april.id(), LinkReason.EXPLICIT_CUE));
        assertThat(t.actions).hasSize(3); // the undated recall founds no action of its own
    }

    @Test
    void sameTypeSameCountAnswerSoonAfterIsAMirror() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("us", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 10),
                m("ru", "b", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-20", 10)));
        Action ru = Fixtures.only(t, EXPEL_DIPLOMATS, "RUS");
        assertThat(ru.respondsTo()).extracting(Link::reason).containsExactly(LinkReason.MIRROR);
        assertThat(ru.respondsTo().get(0).actionId()).isEqualTo(Fixtures.only(t, EXPEL_DIPLOMATS, "USA").id());
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "USA").respondsTo()).isEmpty();
    }

    @Test
    void theTargetStrikingBackWithinTheWindowIsInferredAndBeyondItIsNot() {
        Fixtures.Topics near = Fixtures.run(List.of(
                m("us", "a", "USA", "RUS", SANCTION, "2021-03-01", null),
                m("ru", "b", "RUS", "USA", CLOSE_MISSION, "2021-04-20", null)));
        Action ru = Fixtures.only(near, CLOSE_MISSION, "RUS");
        assertThat(ru.respondsTo()).extracting(Link::reason).containsExactly(LinkReason.INFERRED);
        assertThat(ru.respondsTo().get(0).confidence()).isBetween(0.4, 0.8);
        assertThat(ru.chainId()).isNotNull();

        Fixtures.Topics far = Fixtures.run(List.of(
                m("us", "a", "USA", "RUS", SANCTION, "2021-03-01", null),
                m("ru", "b", "RUS", "USA", CLOSE_MISSION, "2021-10-20", null)));
        assertThat(far.actions.values()).allSatisfy(a -> {
            assertThat(a.respondsTo()).isEmpty();
            assertThat(a.chainId()).isNull();
        });
        assertThat(far.chains).isEmpty();
    }

    @Test
    void anActionNeverAnswersItsOwnSideOrALaterAction() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("us1", "a", "USA", "RUS", SANCTION, "2021-03-01", null),
                m("us2", "a", "USA", "RUS", CLOSE_MISSION, "2021-03-10", null),
                m("ru", "b", "RUS", "USA", CLOSE_MISSION, "2021-02-20", null)));
        assertThat(Fixtures.only(t, CLOSE_MISSION, "RUS").respondsTo()).isEmpty();
        assertThat(Fixtures.only(t, SANCTION, "USA").respondsTo()).extracting(Link::actionId)
                .containsExactly(Fixtures.only(t, CLOSE_MISSION, "RUS").id());
    }

    @Test
    void aThreatAnswersTheLatestProvocationAndALaterMeasureCarriesItOut() {
        Correlator c = new Correlator(CorrelationSettings.defaults(), InMemorySortedStore.newStores());
        Fixtures.Topics t = new Fixtures.Topics();
        List<io.riposte.domain.Alert> alerts = new ArrayList<>();
        for (var m : List.of(
                m("us-old", "a", "USA", "RUS", SANCTION, "2021-09-01", null),
                m("us", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-11-10", 27),
                m("ru-threat", "b", "RUS", "USA", THREATEN_RETALIATION, "2021-11-29", null),
                m("ru", "c", "RUS", "USA", EXPEL_DIPLOMATS, "2021-12-20", 27))) {
            var u = c.add(m);
            t.apply(u);
            alerts.addAll(u.alerts());
        }
        Action threat = Fixtures.only(t, THREATEN_RETALIATION, "RUS");
        Action usExpel = Fixtures.only(t, EXPEL_DIPLOMATS, "USA");
        Action ruExpel = Fixtures.only(t, EXPEL_DIPLOMATS, "RUS");
        assertThat(threat.respondsTo()).extracting(Link::actionId).containsExactly(usExpel.id());
        // it answers the provocation; the threat it carries out is not listed by default (annotators do not)
        assertThat(ruExpel.respondsTo()).extracting(Link::actionId).containsExactly(usExpel.id());
        assertThat(alerts).extracting(io.riposte.domain.Alert::type).contains(AlertType.THREAT, AlertType.THREAT_CARRIED_OUT, AlertType.RETALIATION);
        assertThat(alerts.stream().filter(a -> a.type() == AlertType.THREAT_CARRIED_OUT).findFirst().orElseThrow().actionId())
                .isEqualTo(ruExpel.id());
        assertThat(threat.chainId()).isEqualTo(ruExpel.chainId()).isEqualTo(usExpel.chainId()).isNotNull();
    }

    @Test
    void carryingOutAThreatCanAlsoBeListedAsALink() {
        CorrelationSettings d = CorrelationSettings.defaults();
        CorrelationSettings listing = new CorrelationSettings(d.mergeSlackDays(), d.threatMergeSlackDays(), d.linkWindowDays(),
                d.mirrorWindowDays(), d.dormancyDays(), d.backgroundConfidenceFactor(), true);
        Fixtures.Topics t = Fixtures.run(List.of(
                m("us", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-11-10", 27),
                m("ru-threat", "b", "RUS", "USA", THREATEN_RETALIATION, "2021-11-29", null),
                m("ru", "c", "RUS", "USA", EXPEL_DIPLOMATS, "2021-12-20", 27)), listing);
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "RUS").respondsTo()).extracting(Link::actionId).containsExactlyInAnyOrder(
                Fixtures.only(t, EXPEL_DIPLOMATS, "USA").id(), Fixtures.only(t, THREATEN_RETALIATION, "RUS").id());
    }

    @Test
    void aThreatInAMonthAnswersAMeasureOfThatMonth() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("m", "a", "MDA", "RUS", io.riposte.domain.ActionType.RESTRICT_STAFF, "2023-07-26", 45),
                m("t", "b", "RUS", "MDA", THREATEN_RETALIATION, "2023-07", null)));
        assertThat(Fixtures.only(t, THREATEN_RETALIATION, "RUS").respondsTo()).extracting(Link::actionId)
                .containsExactly(Fixtures.only(t, io.riposte.domain.ActionType.RESTRICT_STAFF, "MDA").id());
    }

    @Test
    void aMeasureOfAnotherSizeDoesNotCarryOutAThreatThatNamedANumber() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("th", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-10-05", 300, Modality.THREATENED),
                m("us", "b", "USA", "RUS", EXPEL_DIPLOMATS, "2021-11-10", 27)));
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "USA").respondsTo()).isEmpty();
    }
}
