package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static io.riposte.domain.ActionType.EXPEL_DIPLOMATS;
import static io.riposte.domain.ActionType.OTHER;
import static io.riposte.domain.ActionType.RECALL_ENVOY;
import static io.riposte.domain.ActionType.THREATEN_RETALIATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Action;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inference where the dates cannot tell, and what belongs to an exchange; invented Slovak-Hungarian episodes. */
class InferenceOrderTest {

    @Test
    void onTheSameDayAMeasureAnswersTheIncidentNotTheOtherWayRound() {
        // "Slovakia's parliament condemned Budapest's remarks on Monday; the same day Hungary expelled two
        // Slovak diplomats": the harsher act is the answer when the other is no measure at all
        Fixtures.Topics t = Fixtures.run(List.of(
                m("sk", "a", "SVK", "HUN", OTHER, "2022-10-03", null),
                m("hu", "b", "HUN", "SVK", EXPEL_DIPLOMATS, "2022-10-03", 2)));
        Action sk = Fixtures.only(t, OTHER, "SVK");
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "HUN").respondsTo()).extracting(Link::actionId, Link::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(sk.id(), LinkReason.INFERRED));
        assertThat(sk.respondsTo()).isEmpty();
    }

    @Test
    void anUnfriendlyActThatIsNoMeasureGetsNoGuessedProvocationButStaysInTheExchange() {
        // Hungary expels on Monday; on Wednesday Slovakia suspends a cross-border rail accord. Nothing says
        // the suspension answers the expulsion (it may be over anything): no link, one chain all the same.
        // Told with a cue ("in response", the mention's respondsTo), the same act answers the expulsion.
        for (boolean cued : new boolean[] {false, true}) {
            Fixtures.Topics t = Fixtures.run(List.of(
                    m("hu", "a", "HUN", "SVK", EXPEL_DIPLOMATS, "2022-10-03", 2),
                    cued ? m("sk", "b", "SVK", "HUN", OTHER, "2022-10-05", null, io.riposte.domain.Modality.ASSERTED, "hu")
                            : m("sk", "b", "SVK", "HUN", OTHER, "2022-10-05", null)));
            Action hu = Fixtures.only(t, EXPEL_DIPLOMATS, "HUN");
            Action sk = Fixtures.only(t, OTHER, "SVK");
            assertThat(sk.respondsTo()).extracting(Link::actionId).isEqualTo(cued ? List.of(hu.id()) : List.of());
            assertThat(sk.chainId()).isNotNull().isEqualTo(hu.chainId());
        }
    }

    @Test
    void aSummonsIsAProtestNotAProvocation() {
        // Hungary summons the Slovak envoy on Monday over a speech; Slovakia expels two Hungarian
        // diplomats on Thursday, and warns on Friday. Neither answers the summons; a cue still may.
        Fixtures.Topics t = Fixtures.run(List.of(
                m("hu", "a", "HUN", "SVK", io.riposte.domain.ActionType.SUMMON_ENVOY, "2022-10-03", null),
                m("sk", "b", "SVK", "HUN", EXPEL_DIPLOMATS, "2022-10-06", 2),
                m("sk-warn", "c", "SVK", "HUN", THREATEN_RETALIATION, "2022-10-07", null),
                m("sk-cued", "d", "SVK", "HUN", io.riposte.domain.ActionType.RECALL_ENVOY, "2022-10-07", null,
                        io.riposte.domain.Modality.ASSERTED, "hu")));
        String summons = Fixtures.only(t, io.riposte.domain.ActionType.SUMMON_ENVOY, "HUN").id();
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "SVK").respondsTo()).isEmpty();
        assertThat(Fixtures.only(t, THREATEN_RETALIATION, "SVK").respondsTo()).isEmpty();
        assertThat(Fixtures.only(t, io.riposte.domain.ActionType.RECALL_ENVOY, "SVK").respondsTo()).extracting(Link::actionId)
                .containsExactly(summons);
    }

    @Test
    void aWarningThatAnswersNothingStillBelongsToTheExchange() {
        // Hungary expels on Monday, warns Bratislava against retaliating on Tuesday; Slovakia expels on Thursday
        Fixtures.Topics t = Fixtures.run(List.of(
                m("hu", "a", "HUN", "SVK", EXPEL_DIPLOMATS, "2022-10-03", 2),
                m("hu-warn", "b", "HUN", "SVK", THREATEN_RETALIATION, "2022-10-04", null),
                m("sk", "c", "SVK", "HUN", EXPEL_DIPLOMATS, "2022-10-06", 2)));
        Action warning = Fixtures.only(t, THREATEN_RETALIATION, "HUN");
        assertThat(warning.respondsTo()).isEmpty();
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "SVK").respondsTo()).extracting(Link::actionId)
                .containsExactly(Fixtures.only(t, EXPEL_DIPLOMATS, "HUN").id());
        assertThat(warning.chainId()).isNotNull().isEqualTo(Fixtures.only(t, EXPEL_DIPLOMATS, "SVK").chainId());
    }

    @Test
    void twoUndatedReportsOfOneWeekAreNotOrderedByWhichIsHarsher() {
        // Two undated articles of one week: "Portugal has expelled a Spanish attaché", told by both, and
        // "Spain has recalled its ambassador from Lisbon", told by one. Nothing in them says who began; the
        // harsher, more reported expulsion is no provocation that inference may name. Both stay in one
        // chain. A stated date before the week, or a cue, still makes the recall its answer.
        for (String variant : new String[] {"undated", "dated", "cued"}) {
            ExtractedAction expel = variant.equals("dated") ? m("pt", "a", "PRT", "ESP", EXPEL_DIPLOMATS, "2023-05-04", null)
                    : Fixtures.undated("pt", "a", "PRT", "ESP", EXPEL_DIPLOMATS, "2023-05-10");
            ExtractedAction recall = Fixtures.undated("es", "a", "ESP", "PRT", RECALL_ENVOY, "2023-05-10");
            if (variant.equals("cued")) {
                recall = new ExtractedAction(recall.id(), recall.articleId(), recall.origin(), recall.source(), recall.target(),
                        recall.type(), recall.date(), null, recall.modality(), recall.confidence(), recall.evidence(), List.of("pt"),
                        "in response to");
            }
            Fixtures.Topics t = Fixtures.run(List.of(expel, recall,
                    Fixtures.undated("pt-b", "b", "PRT", "ESP", EXPEL_DIPLOMATS, "2023-05-10")));
            Action pt = Fixtures.only(t, EXPEL_DIPLOMATS, "PRT");
            Action es = Fixtures.only(t, RECALL_ENVOY, "ESP");
            assertThat(es.respondsTo()).as(variant).extracting(Link::actionId)
                    .isEqualTo(variant.equals("undated") ? List.of() : List.of(pt.id()));
            assertThat(pt.respondsTo()).as(variant).isEmpty();
            assertThat(es.chainId()).as(variant).isNotNull().isEqualTo(pt.chainId());
        }
    }
}
