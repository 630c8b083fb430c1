package io.riposte.correlation;

import static io.riposte.domain.ActionType.EXPEL_DIPLOMATS;
import static io.riposte.domain.ActionType.OTHER;
import static io.riposte.domain.ActionType.RECALL_ENVOY;
import static io.riposte.domain.ActionType.SANCTION;
import static io.riposte.domain.ActionType.SUMMON_ENVOY;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import io.riposte.domain.Modality;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cues that extraction read but could not resolve, or resolved the wrong way: a cue that names only
 * the kind of the provocation, a recalled provocation dated by its answer's sentence, and a cue
 * attached to the act of the sentence before it. Invented exchanges between Peru and Chile.
 */
class ProvocationCueTest {

    private static ExtractedAction told(String id, String article, String sentence, String src, String tgt, ActionType type,
            String date, Integer count, Modality modality, String cue, String... respondsTo) {
        return new ExtractedAction(id, article, article + ".txt", src, tgt, type, FuzzyDate.parseIso(date), count, modality, 0.8,
                List.of(new Evidence(article, article + ".txt", sentence, 0, sentence.length())), List.of(respondsTo), cue);
    }

    private static ExtractedAction told(String id, String article, String sentence, String src, String tgt, ActionType type, String date) {
        return told(id, article, sentence, src, tgt, type, date, null, Modality.ASSERTED, null);
    }

    @Test
    void aCueNamingOnlyTheKindOfActLinksToTheOtherSidesActOfThatKind() {
        // The sanctions are reported by another article of the same day; the expulsion's sentence names
        // them by their kind only. Without the cue, the harsher expulsion would pass for the first move.
        Fixtures.Topics t = Fixtures.run(List.of(
                told("cl-sanction", "a", "Chile froze the assets of nine Peruvian officials on Tuesday.",
                        "CHL", "PER", SANCTION, "2023-03-07"),
                told("cl-recall", "a", "Santiago had recalled its ambassador from Lima in January.",
                        "CHL", "PER", RECALL_ENVOY, "2023-01-20"),
                told("pe-expel", "b", "Peru on Tuesday expelled the Chilean ambassador in response to the new sanctions.",
                        "PER", "CHL", EXPEL_DIPLOMATS, "2023-03-07")));
        Action sanction = Fixtures.only(t, SANCTION, "CHL");
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "PER").respondsTo())
                .containsExactly(new Link(sanction.id(), LinkReason.EXPLICIT_CUE, 0.8));
        assertThat(sanction.respondsTo()).isEmpty();
    }

    @Test
    void aCueThatNamesNoKindOfActLeavesTheLinkToInference() {
        // "over the past week" is no provocation: the expulsion answers what inference finds, the recall
        Fixtures.Topics t = Fixtures.run(List.of(
                told("cl-recall", "a", "Santiago recalled its ambassador from Lima on Monday.", "CHL", "PER", RECALL_ENVOY, "2023-03-06"),
                told("pe-expel", "b", "Tensions rose over the past week and Peru expelled the Chilean consul on Tuesday.",
                        "PER", "CHL", EXPEL_DIPLOMATS, "2023-03-07")));
        Action recall = Fixtures.only(t, RECALL_ENVOY, "CHL");
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "PER").respondsTo()).singleElement()
                .satisfies(l -> assertThat(l.actionId()).isEqualTo(recall.id()))
                .satisfies(l -> assertThat(l.reason()).isEqualTo(LinkReason.INFERRED));
    }

    @Test
    void aRecalledProvocationDatedByItsAnswersSentenceStandsForTheEarlierActOfItsKind() {
        // The recall's count differs from the earlier report's (sources disagree), and its date is the
        // day the answer was announced: the cue says it came before, so it is the act of February.
        String sentence = "Lima said on Friday it would expel six Chilean diplomats after Santiago sent seven Peruvians home"
                + " last month.";
        Fixtures.Topics t = Fixtures.run(List.of(
                told("cl-expel", "a", "Chile expelled six Peruvian diplomats on 10 February.", "CHL", "PER",
                        EXPEL_DIPLOMATS, "2023-02-10", 6, Modality.ASSERTED, null),
                told("cl-recalled", "b", sentence, "CHL", "PER", EXPEL_DIPLOMATS, "2023-03-10", 7, Modality.BACKGROUND, null),
                told("pe-expel", "b", sentence, "PER", "CHL", EXPEL_DIPLOMATS, "2023-03-10", 6, Modality.ASSERTED, "after",
                        "cl-recalled")));
        Action february = t.actions.values().stream().filter(a -> a.source().equals("CHL") && Integer.valueOf(6).equals(a.count()))
                .findFirst().orElseThrow();
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "PER").respondsTo())
                .containsExactly(new Link(february.id(), LinkReason.EXPLICIT_CUE, 0.9));
    }

    @Test
    void aRecalledProvocationWithNothingEarlierOfItsKindKeepsItsOwnAction() {
        String sentence = "Lima said on Friday it would expel six Chilean diplomats after Santiago sent seven Peruvians home.";
        Fixtures.Topics t = Fixtures.run(List.of(
                told("cl-recalled", "b", sentence, "CHL", "PER", EXPEL_DIPLOMATS, "2023-03-10", 7, Modality.BACKGROUND, null),
                told("pe-expel", "b", sentence, "PER", "CHL", EXPEL_DIPLOMATS, "2023-03-10", 6, Modality.ASSERTED, "after",
                        "cl-recalled")));
        Action recalled = Fixtures.only(t, EXPEL_DIPLOMATS, "CHL");
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "PER").respondsTo())
                .containsExactly(new Link(recalled.id(), LinkReason.EXPLICIT_CUE, 0.9));
    }

    @Test
    void aCueWhoseWordsStandInTheCitedActsSentenceIsReadTheOtherWayRound() {
        // Extraction gave the expulsion the cue of the next sentence; that sentence tells the summons as
        // news and says the summons is the response.
        Fixtures.Topics t = Fixtures.run(List.of(
                told("pe-expel", "a", "Peru ordered the Chilean attache out over the affair.", "PER", "CHL", EXPEL_DIPLOMATS,
                        "2023-03-07", null, Modality.ASSERTED, "In response to", "cl-summon"),
                told("cl-summon", "a", "In response to the actions of Peru, Santiago summoned the Peruvian charge d'affaires.",
                        "CHL", "PER", SUMMON_ENVOY, "2023-03-07")));
        Action expel = Fixtures.only(t, EXPEL_DIPLOMATS, "PER");
        assertThat(Fixtures.only(t, SUMMON_ENVOY, "CHL").respondsTo())
                .containsExactly(new Link(expel.id(), LinkReason.EXPLICIT_CUE, 0.9));
        assertThat(expel.respondsTo()).isEmpty();
    }

    @Test
    void aCueWhoseWordsStandInTheSentenceOfARecalledProvocationKeepsItsDirection() {
        // The cited sentence names the grievance as a recall: that is where such a cue belongs.
        Fixtures.Topics t = Fixtures.run(List.of(
                told("pe-recall", "a", "Peru recalled its ambassador from Santiago.", "PER", "CHL", RECALL_ENVOY,
                        "2023-03-07", null, Modality.ASSERTED, "cited", "cl-stance"),
                told("cl-stance", "a", "The minister cited Chile's new stance on the border as the reason.",
                        "CHL", "PER", OTHER, "2023", null, Modality.BACKGROUND, null)));
        Action stance = Fixtures.only(t, OTHER, "CHL");
        assertThat(Fixtures.only(t, RECALL_ENVOY, "PER").respondsTo())
                .containsExactly(new Link(stance.id(), LinkReason.EXPLICIT_CUE, 0.9));
        assertThat(stance.respondsTo()).isEmpty();
    }

    @Test
    void theKindsACueNamesAreReadFromTheWordsAfterItsMarker() {
        assertThat(ProvocationKinds.named("Peru expelled the envoy in response to Chile's new sanctions.")).containsExactly(SANCTION);
        assertThat(ProvocationKinds.named("Lima summoned the charge d'affaires over the air strikes on Thursday.")).containsExactly(OTHER);
        assertThat(ProvocationKinds.named("The envoy was recalled after the talks, and new sanctions followed.")).isEmpty();
        assertThat(ProvocationKinds.named("Tensions rose over the past week.")).isEmpty();
        assertThat(ProvocationKinds.named(null)).isEmpty();
    }
}
