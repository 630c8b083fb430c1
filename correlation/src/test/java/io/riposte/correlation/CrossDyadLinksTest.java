package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static io.riposte.domain.ActionType.EXPEL_DIPLOMATS;
import static io.riposte.domain.ActionType.OTHER;
import static io.riposte.domain.ActionType.RECALL_ENVOY;
import static io.riposte.domain.ActionType.SANCTION;
import static io.riposte.domain.ActionType.SUMMON_ENVOY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.CrossDyadCue;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cross-dyad answers: "C acts against A in solidarity with B" links to A's latest act against B before it. */
class CrossDyadLinksTest {

    /** The mention with a cross-dyad cue naming the act of {@code src} against {@code tgt} (of that kind, or any). */
    static ExtractedAction answering(ExtractedAction x, String src, String tgt, ActionType kind) {
        return new ExtractedAction(x.id(), x.articleId(), x.origin(), x.source(), x.target(), x.type(), x.date(), x.count(),
                x.modality(), x.confidence(), x.evidence(), x.respondsTo(), x.cue(), new CrossDyadCue(src, tgt, kind));
    }

    /** Hungary against Austria over one autumn, and in-dyad acts of Hungary and Slovakia. */
    static List<ExtractedAction> exchange(ActionType kind) {
        return List.of(
                m("h1", "a1", "HUN", "AUT", EXPEL_DIPLOMATS, "2021-08-02", 2),
                m("h2", "a1", "HUN", "AUT", EXPEL_DIPLOMATS, "2021-11-10", 3),
                m("h3", "a2", "HUN", "AUT", EXPEL_DIPLOMATS, "2021-11-11", 3),
                m("h4", "a2", "HUN", "AUT", SANCTION, "2021-11-15", null),
                m("h5", "a3", "HUN", "AUT", SUMMON_ENVOY, "2021-11-17", null),
                m("h6", "a5", "HUN", "AUT", EXPEL_DIPLOMATS, "2021-11-25", 5),
                m("k1", "a4", "HUN", "SVK", SANCTION, "2021-10-01", null),
                answering(m("s1", "a4", "SVK", "HUN", RECALL_ENVOY, "2021-11-18", null), "HUN", "AUT", kind),
                m("s2", "a5", "SVK", "HUN", RECALL_ENVOY, "2021-11-18", null));
    }

    static Action find(List<Action> actions, String source, ActionType type, String date) {
        return actions.stream().filter(a -> a.source().equals(source) && a.type() == type && a.date().iso().equals(date))
                .findFirst().orElseThrow(() -> new AssertionError("no " + source + " " + type + " " + date + " in " + actions));
    }

    @Test
    void aNamedKindLinksToTheLatestActOfThatKindBeforeTheAnswer() {
        List<Action> actions = BatchCorrelation.correlateAll(exchange(EXPEL_DIPLOMATS)).actions();
        Action answer = find(actions, "SVK", RECALL_ENVOY, "2021-11-18");
        Action expulsion = find(actions, "HUN", EXPEL_DIPLOMATS, "2021-11-10");
        // the 25 November expulsion came after the answer; the August one is not the latest
        assertThat(answer.respondsTo()).contains(new Link(expulsion.id(), LinkReason.EXPLICIT_CUE, CrossDyadLinks.KIND_CONFIDENCE));
        assertThat(answer.respondsTo()).extracting(Link::actionId)
                .doesNotContain(find(actions, "HUN", EXPEL_DIPLOMATS, "2021-11-25").id(),
                        find(actions, "HUN", EXPEL_DIPLOMATS, "2021-08-02").id());
        // the text says what it answers: no act of its own dyad is guessed (Hungary's sanction of Slovakia)
        assertThat(answer.respondsTo()).hasSize(1);
        // the answered dyad is untouched: no link goes the other way
        assertThat(expulsion.respondsTo()).isEmpty();
    }

    @Test
    void withoutAKindTheLatestHostileMeasureThatIsNoSummonsIsTheAct() {
        List<Action> actions = BatchCorrelation.correlateAll(exchange(null)).actions();
        Action answer = find(actions, "SVK", RECALL_ENVOY, "2021-11-18");
        assertThat(answer.respondsTo()).contains(
                new Link(find(actions, "HUN", SANCTION, "2021-11-15").id(), LinkReason.EXPLICIT_CUE, CrossDyadLinks.SIDE_CONFIDENCE));
        assertThat(answer.respondsTo()).extracting(Link::actionId)
                .doesNotContain(find(actions, "HUN", SUMMON_ENVOY, "2021-11-17").id());
    }

    @Test
    void anotherActOfTheSameSentenceToldWithoutTheCueTakesNoLink() {
        List<ExtractedAction> mentions = new ArrayList<>(exchange(EXPEL_DIPLOMATS));
        // the fixtures give every mention of an article the same sentence
        mentions.add(m("s4", "a4", "SVK", "HUN", io.riposte.domain.ActionType.CLOSE_MISSION, "2021-11-18", null));
        List<Action> actions = BatchCorrelation.correlateAll(mentions).actions();
        assertThat(find(actions, "SVK", io.riposte.domain.ActionType.CLOSE_MISSION, "2021-11-18").respondsTo())
                .extracting(Link::actionId).doesNotContain(find(actions, "HUN", EXPEL_DIPLOMATS, "2021-11-10").id());
        assertThat(find(actions, "SVK", RECALL_ENVOY, "2021-11-18").respondsTo()).extracting(Link::actionId)
                .containsExactly(find(actions, "HUN", EXPEL_DIPLOMATS, "2021-11-10").id());
    }

    @Test
    void anInDyadCueIsKeptAndTheCrossDyadLinkComesAfterIt() {
        List<ExtractedAction> mentions = new ArrayList<>(exchange(EXPEL_DIPLOMATS));
        mentions.add(m("k2", "a4", "HUN", "SVK", SANCTION, "2021-10", null, io.riposte.domain.Modality.BACKGROUND));
        mentions.add(answering(m("s3", "a4", "SVK", "HUN", RECALL_ENVOY, "2021-11-18", null,
                io.riposte.domain.Modality.ASSERTED, "k2"), "HUN", "AUT", EXPEL_DIPLOMATS));
        List<Action> actions = BatchCorrelation.correlateAll(mentions).actions();
        assertThat(find(actions, "SVK", RECALL_ENVOY, "2021-11-18").respondsTo()).extracting(Link::actionId).containsExactly(
                find(actions, "HUN", SANCTION, "2021-10-01").id(), find(actions, "HUN", EXPEL_DIPLOMATS, "2021-11-10").id());
    }

    @Test
    void anOtherActIsTheGrievanceOnlyWhenNoMeasureFits() {
        List<Action> actions = BatchCorrelation.correlateAll(List.of(
                m("o1", "b1", "HUN", "AUT", OTHER, "2021-11-12", null),
                answering(m("s1", "b2", "SVK", "HUN", EXPEL_DIPLOMATS, "2021-11-18", 1), "HUN", "AUT", null))).actions();
        assertThat(find(actions, "SVK", EXPEL_DIPLOMATS, "2021-11-18").respondsTo()).extracting(Link::actionId)
                .containsExactly(find(actions, "HUN", OTHER, "2021-11-12").id());
    }

    @Test
    void nothingOutsideTheWindowAfterTheAnswerOrForAnAnswerOfNoYear() {
        List<ExtractedAction> mentions = List.of(
                m("h1", "c1", "HUN", "AUT", EXPEL_DIPLOMATS, "2021-01-05", 2),
                m("h2", "c1", "HUN", "AUT", EXPEL_DIPLOMATS, "2021-12-01", 2),
                answering(m("s1", "c2", "SVK", "HUN", RECALL_ENVOY, "2021-11-18", null), "HUN", "AUT", EXPEL_DIPLOMATS),
                answering(m("s2", "c3", "CZE", "HUN", RECALL_ENVOY, "--11", null), "HUN", "AUT", EXPEL_DIPLOMATS));
        List<Action> actions = BatchCorrelation.correlateAll(mentions).actions();
        assertThat(actions).filteredOn(a -> !a.source().equals("HUN")).hasSize(2)
                .allSatisfy(a -> assertThat(a.respondsTo()).isEmpty());
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheMentions() {
        List<ExtractedAction> mentions = new ArrayList<>(exchange(EXPEL_DIPLOMATS));
        mentions.add(answering(m("p1", "a6", "POL", "HUN", EXPEL_DIPLOMATS, "2021-11-12", 1), "HUN", "AUT", null));
        mentions.add(answering(m("p2", "a7", "POL", "HUN", EXPEL_DIPLOMATS, "2021-11", 1), "HUN", "AUT", null));
        List<Action> expected = BatchCorrelation.correlateAll(mentions).actions();
        assertThat(expected).filteredOn(a -> a.source().equals("POL")).singleElement()
                .satisfies(a -> assertThat(a.respondsTo()).extracting(Link::actionId)
                        .containsExactly(find(expected, "HUN", EXPEL_DIPLOMATS, "2021-11-10").id()));
        Random random = new Random(14);
        for (int i = 0; i < 40; i++) {
            Collections.shuffle(mentions, random);
            assertThat(BatchCorrelation.correlateAll(mentions).actions()).as("order %s", mentions).isEqualTo(expected);
        }
    }

    @Test
    void aCueNamingTheAnswersOwnDyadOrSideIsRefused() {
        ExtractedAction x = m("s1", "a", "SVK", "HUN", RECALL_ENVOY, "2021-11-18", null);
        assertThatThrownBy(() -> answering(x, "SVK", "AUT", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> answering(x, "HUN", "SVK", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Correlator(CorrelationSettings.defaults(), InMemorySortedStore.newStores())
                .add(answering(x, "HUN", "AUSTRIA", null))).isInstanceOf(IllegalArgumentException.class);
    }
}
