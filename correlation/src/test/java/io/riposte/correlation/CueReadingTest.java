package io.riposte.correlation;

import static io.riposte.correlation.OrderingTest.fallback;
import static io.riposte.domain.ActionType.EXPEL_DIPLOMATS;
import static io.riposte.domain.ActionType.RESTRICT_VISAS;
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
 * How much a cue's word weighs against the timeline's guesses, and what else a cue tells. Invented
 * exchanges between Slovakia and Hungary, with the sentences the reports come from.
 */
class CueReadingTest {

    /** A report told by {@code sentence} of {@code article}. */
    static ExtractedAction told(String id, String article, String sentence, String src, String tgt, ActionType type,
            FuzzyDate date, String... respondsTo) {
        return new ExtractedAction(id, article, article + ".txt", src, tgt, type, date, null, Modality.ASSERTED, 0.8,
                List.of(new Evidence(article, article + ".txt", sentence, 0, sentence.length())),
                List.of(respondsTo), respondsTo.length == 0 ? null : "to protest against");
    }

    private static final String PROTEST = "Bratislava summoned the Hungarian envoy on Wednesday to protest against"
            + " Budapest's decision to expel two Slovak diplomats.";

    @Test
    void aCueInTheAnswersSentenceMakesTheUndatedActItNamesTheProvocation() {
        // Published on Wednesday 14 September: Hungary's expulsion is only named, undated, in the sentence of
        // the summons; Slovakia's own expulsion of the same day, told apart, answers it too.
        Fixtures.Topics t = Fixtures.run(List.of(
                told("hu", "a", PROTEST, "HUN", "SVK", EXPEL_DIPLOMATS, fallback(2022, 9, "2022-09-07", "2022-09-14")),
                told("sk-summon", "a", PROTEST, "SVK", "HUN", SUMMON_ENVOY, FuzzyDate.parseIso("2022-09-14"), "hu"),
                told("sk-expel", "a", "Slovakia also ordered two Hungarian diplomats to leave on Wednesday.",
                        "SVK", "HUN", EXPEL_DIPLOMATS, FuzzyDate.parseIso("2022-09-14"))));
        Action hu = Fixtures.only(t, EXPEL_DIPLOMATS, "HUN");
        assertThat(Fixtures.only(t, SUMMON_ENVOY, "SVK").respondsTo())
                .containsExactly(new Link(hu.id(), LinkReason.EXPLICIT_CUE, 0.9));
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "SVK").respondsTo())
                .containsExactly(new Link(hu.id(), LinkReason.INFERRED, 0.75));
        assertThat(hu.respondsTo()).isEmpty();
    }

    @Test
    void aCueReachingIntoAnotherSentenceYieldsToTheUndatedNewsRule() {
        // The same acts, but the cue of the dated summons names an undated act of another sentence: that
        // reading is less sure than "the text dates what it cites and leaves the day's news undated".
        Fixtures.Topics t = Fixtures.run(List.of(
                told("hu", "a", "Hungary expels two Slovak diplomats.", "HUN", "SVK", EXPEL_DIPLOMATS,
                        fallback(2022, 9, "2022-09-07", "2022-09-14")),
                told("sk-summon", "a", "In response, Bratislava summoned the Hungarian envoy on Wednesday.", "SVK", "HUN",
                        SUMMON_ENVOY, FuzzyDate.parseIso("2022-09-14"), "hu")));
        Action summon = Fixtures.only(t, SUMMON_ENVOY, "SVK");
        assertThat(summon.respondsTo()).isEmpty();
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "HUN").respondsTo())
                .containsExactly(new Link(summon.id(), LinkReason.EXPLICIT_CUE, 0.9));
    }

    @Test
    void theMoreReportedActDoesNotOverruleACueWhenTheDatesTie() {
        // Both undated in the same week; the answer is reported by two articles, its provocation by one.
        // The cue names the expulsion in the answer's sentence, or says "in retaliation" in the next one.
        String together = "Hungary suspended visas for Slovak officials in retaliation for the expulsion of its diplomats.";
        List<List<String>> tellings = List.of(List.of(together, together),
                List.of("Slovakia expelled two Hungarian diplomats.", "Hungary suspended visas for Slovak officials in retaliation."));
        for (List<String> sentences : tellings) {
            Fixtures.Topics t = Fixtures.run(List.of(
                    told("sk", "a", sentences.get(0), "SVK", "HUN", EXPEL_DIPLOMATS, fallback(2022, 9, "2022-09-07", "2022-09-14")),
                    told("hu", "a", sentences.get(1), "HUN", "SVK", RESTRICT_VISAS, fallback(2022, 9, "2022-09-07", "2022-09-14"), "sk"),
                    told("hu-2", "b", "Budapest has stopped issuing visas to Slovak officials.", "HUN", "SVK", RESTRICT_VISAS,
                            fallback(2022, 9, "2022-09-07", "2022-09-14"))));
            Action sk = Fixtures.only(t, EXPEL_DIPLOMATS, "SVK");
            Action hu = Fixtures.only(t, RESTRICT_VISAS, "HUN");
            assertThat(hu.articles()).hasSize(2);
            assertThat(hu.respondsTo()).as(sentences.toString()).containsExactly(new Link(sk.id(), LinkReason.EXPLICIT_CUE, 0.9));
            assertThat(sk.respondsTo()).as(sentences.toString()).isEmpty();
        }
    }

    @Test
    void aCueNamingAMeasureAndItsSummonsNamesTheMeasure() {
        // "in response to Slovakia's steps": extraction cites every earlier hostile act of Slovakia in the
        // article, the expulsion and the summons that announced it.
        Fixtures.Topics t = Fixtures.run(List.of(
                told("sk-expel", "a", "Slovakia expelled two Hungarian diplomats on Monday.", "SVK", "HUN", EXPEL_DIPLOMATS,
                        FuzzyDate.parseIso("2022-09-12")),
                told("sk-summon", "a", "The Hungarian envoy was summoned to hear the decision.", "SVK", "HUN", SUMMON_ENVOY,
                        FuzzyDate.parseIso("2022-09-12")),
                told("hu", "a", "Hungary expelled two Slovak diplomats on Thursday in response.", "HUN", "SVK",
                        EXPEL_DIPLOMATS, FuzzyDate.parseIso("2022-09-15"), "sk-expel", "sk-summon")));
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "HUN").respondsTo()).containsExactly(
                new Link(Fixtures.only(t, EXPEL_DIPLOMATS, "SVK").id(), LinkReason.EXPLICIT_CUE, 0.9));
    }

    @Test
    void noActIsInferredToAnswerTheActThatACueSaysAnswersIt() {
        // Slovakia's visa stop "this month" answers Hungary's expulsion of the 20th by the text's word; the
        // middle of September lies before the 20th, but Hungary did not answer the stop.
        String sentence = "This month Slovakia stopped visas for Hungarian officials over the expulsion of its diplomats.";
        Fixtures.Topics t = Fixtures.run(List.of(
                told("hu", "a", sentence, "HUN", "SVK", EXPEL_DIPLOMATS, FuzzyDate.parseIso("2022-09-20")),
                told("sk", "a", sentence, "SVK", "HUN", RESTRICT_VISAS, FuzzyDate.parseIso("2022-09"), "hu")));
        Action hu = Fixtures.only(t, EXPEL_DIPLOMATS, "HUN");
        assertThat(Fixtures.only(t, RESTRICT_VISAS, "SVK").respondsTo())
                .containsExactly(new Link(hu.id(), LinkReason.EXPLICIT_CUE, 0.9));
        assertThat(hu.respondsTo()).isEmpty();
    }

    @Test
    void actsThatOnlyTheirIdsOrderAnswerNeitherWayButShareAChain() {
        // "Slovakia and Hungary each closed a consulate of the other", undated in one article: nothing
        // says who began. The same pair with Hungary's closure dated the day before publication does.
        String sentence = "Slovakia and Hungary each closed a consulate of the other.";
        FuzzyDate week = fallback(2022, 9, "2022-09-07", "2022-09-14");
        Fixtures.Topics t = Fixtures.run(List.of(
                told("sk", "a", sentence, "SVK", "HUN", ActionType.CLOSE_MISSION, week),
                told("hu", "a", sentence, "HUN", "SVK", ActionType.CLOSE_MISSION, week)));
        assertThat(t.actions.values()).allSatisfy(a -> assertThat(a.respondsTo()).isEmpty());
        assertThat(t.actions.values()).extracting(Action::chainId).doesNotContainNull().containsOnly(t.chains.keySet().iterator().next());

        Fixtures.Topics dated = Fixtures.run(List.of(
                told("sk", "a", sentence, "SVK", "HUN", ActionType.CLOSE_MISSION, week),
                told("hu", "a", sentence, "HUN", "SVK", ActionType.CLOSE_MISSION, FuzzyDate.parseIso("2022-09-13"))));
        Action hu = Fixtures.only(dated, ActionType.CLOSE_MISSION, "HUN");
        assertThat(Fixtures.only(dated, ActionType.CLOSE_MISSION, "SVK").respondsTo())
                .extracting(Link::actionId).containsExactly(hu.id());
    }
}
