package io.riposte.extraction;

import static io.riposte.extraction.ExtractorHardCasesTest.only;
import static io.riposte.extraction.ExtractorHardCasesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.CrossDyadCue;
import io.riposte.domain.ExtractedAction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cross-dyad cues (issue 14, links): a third state's act "in solidarity with" / "in support of" the state another
 * one acted against answers that other dyad's act. The sentences are written for these tests.
 */
class CrossDyadCueTest {

    @Test
    void solidarityWithTheWrongedStateNamesTheOtherDyadsAct() {
        ExtractedAction a = only(run("2021-11-18",
                "Slovakia expelled three Hungarian diplomats on Wednesday in solidarity with Austria."), ActionType.EXPEL_DIPLOMATS);
        assertThat(a.source() + ">" + a.target()).isEqualTo("SVK>HUN");
        assertThat(a.crossDyad()).isEqualTo(new CrossDyadCue("HUN", "AUT", null));
        assertThat(a.respondsTo()).isEmpty();
    }

    @Test
    void theAnsweredActToldInTheSameSentenceGivesItsKind() {
        List<ExtractedAction> all = run("2021-11-18",
                "Slovakia recalled its ambassador from Hungary in a show of solidarity with Austria, after Hungary expelled "
                        + "two Austrian diplomats.");
        ExtractedAction answer = only(all, ActionType.RECALL_ENVOY);
        assertThat(answer.source() + ">" + answer.target()).isEqualTo("SVK>HUN");
        assertThat(answer.crossDyad()).isEqualTo(new CrossDyadCue("HUN", "AUT", ActionType.EXPEL_DIPLOMATS));
        // the answered act is told as such and carries no cue of its own
        ExtractedAction provocation = only(all, ActionType.EXPEL_DIPLOMATS);
        assertThat(provocation.source() + ">" + provocation.target()).isEqualTo("HUN>AUT");
        assertThat(provocation.crossDyad()).isNull();
    }

    @Test
    void everyStateOfAListAnswersWithTheCueAndSupportOfAStateCounts() {
        List<ExtractedAction> all = run("2021-11-18",
                "Croatia and Slovenia summoned the Hungarian ambassadors on Friday in support of Austria.");
        assertThat(all).filteredOn(a -> a.type() == ActionType.SUMMON_ENVOY).hasSize(2)
                .allSatisfy(a -> assertThat(a.crossDyad()).isEqualTo(new CrossDyadCue("HUN", "AUT", null)));
    }

    @Test
    void followingAnotherStatesLeadAnswersWhatThatStateAnswered() {
        for (String text : List.of("Slovakia expelled three Hungarian diplomats on Wednesday, following Austria's lead.",
                "Slovakia expelled three Hungarian diplomats on Wednesday, following the lead of Austria.")) {
            ExtractedAction a = only(run("2021-11-18", text), ActionType.EXPEL_DIPLOMATS);
            assertThat(a.source() + ">" + a.target()).as(text).isEqualTo("SVK>HUN");
            assertThat(a.crossDyad()).as(text).isEqualTo(new CrossDyadCue("HUN", "AUT", null));
        }
        // following a state's decision is a grievance of this dyad's own, not a lead
        assertThat(run("2021-11-18", "Slovakia expelled three Hungarian diplomats on Wednesday, following Austria's decision."))
                .allSatisfy(a -> assertThat(a.crossDyad()).isNull());
    }

    @Test
    void aCueOpeningTheSentenceQualifiesTheActAfterIt() {
        // (the enumeration pass also reads "Austria, Slovakia" as a list of agents; that is its own matter)
        ExtractedAction a = only(run("2021-11-18", "In solidarity with Austria, Slovakia expelled three Hungarian diplomats.")
                .stream().filter(x -> x.source().equals("SVK")).toList(), ActionType.EXPEL_DIPLOMATS);
        assertThat(a.target()).isEqualTo("HUN");
        assertThat(a.crossDyad()).isEqualTo(new CrossDyadCue("HUN", "AUT", null));
    }

    @Test
    void noCueWithoutAnActInTheSentenceOrAStateAfterThePhrase() {
        // sympathy, no act of the speaker's own
        assertThat(run("2021-11-18", "Slovakia said it stood in solidarity with Austria, whose diplomats Hungary expelled on Monday."))
                .allSatisfy(a -> assertThat(a.crossDyad()).isNull());
        // solidarity with a group, no state named
        assertThat(run("2021-11-18", "Slovakia expelled three Hungarian diplomats on Wednesday in solidarity with its partners."))
                .allSatisfy(a -> assertThat(a.crossDyad()).isNull());
        // support of a cause, not of a state
        assertThat(run("2021-11-18", "Slovakia expelled three Hungarian diplomats on Wednesday in support of the inquiry."))
                .allSatisfy(a -> assertThat(a.crossDyad()).isNull());
        // the state named is a side of the act itself: no other dyad
        assertThat(run("2021-11-18", "Slovakia expelled three Hungarian diplomats on Wednesday in solidarity with Hungary's opposition."))
                .allSatisfy(a -> assertThat(a.crossDyad()).isNull());
    }
}
