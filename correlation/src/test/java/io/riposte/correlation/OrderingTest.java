package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static io.riposte.domain.ActionType.CLOSE_MISSION;
import static io.riposte.domain.ActionType.EXPEL_DIPLOMATS;
import static io.riposte.domain.ActionType.RESTRICT_STAFF;
import static io.riposte.domain.ActionType.THREATEN_RETALIATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.DateBasis;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Temporal order of links: a response never precedes what it answers, coarse dates are ordered by
 * the days extraction says they may denote, and same-day acts by who was dated by reference.
 * Episodes here are plausible, invented exchanges (Norway-Belarus, Slovakia-Russia, Chile-Peru).
 */
class OrderingTest {

    /** A mention with a ranged or relative date, as extraction writes them. */
    static ExtractedAction noted(String id, String article, String src, String tgt, ActionType type, FuzzyDate date, Integer count,
            String... respondsTo) {
        return new ExtractedAction(id, article, article + ".txt", src, tgt, type, date, count, Modality.ASSERTED, 0.8,
                List.of(new Evidence(article, article + ".txt", src + " " + type + " " + tgt + " #" + id, 0, 10)),
                List.of(respondsTo), respondsTo.length == 0 ? null : "in response");
    }

    static FuzzyDate fallback(int y, int mo, String from, String to) {
        return FuzzyDate.ofMonth(y, mo).withNote("month of publication: no date in the text [" + from + ".." + to + "]")
                .withRange(LocalDate.parse(from), LocalDate.parse(to)).withBasis(DateBasis.PUBLICATION_FALLBACK);
    }

    static FuzzyDate ranged(FuzzyDate coarse, String said, String from, String to) {
        return coarse.withNote(said + " [" + from + ".." + to + "]").withRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void aCueReadAgainstTimeIsTurnedRound() {
        // the article's cue sits on Norway's earlier closure, but Belarus closed its consulate four days later
        Fixtures.Topics t = Fixtures.run(List.of(
                m("no", "a", "NOR", "BLR", CLOSE_MISSION, "2022-06-10", null, Modality.ASSERTED, "by"),
                m("by", "a", "BLR", "NOR", CLOSE_MISSION, "2022-06-14", null)));
        Action no = Fixtures.only(t, CLOSE_MISSION, "NOR");
        Action by = Fixtures.only(t, CLOSE_MISSION, "BLR");
        assertThat(no.respondsTo()).isEmpty();
        assertThat(by.respondsTo()).containsExactly(new Link(no.id(), LinkReason.EXPLICIT_CUE, 0.9));
    }

    @Test
    void aThreatKeepsItsCueToAMeasureDatedByItsDeadline() {
        Fixtures.Topics t = Fixtures.run(List.of(
                m("no", "a", "NOR", "BLR", CLOSE_MISSION, "2022-06-13", null),
                m("by", "a", "BLR", "NOR", THREATEN_RETALIATION, "2022-06-11", null, Modality.ASSERTED, "no")));
        Action no = Fixtures.only(t, CLOSE_MISSION, "NOR");
        assertThat(Fixtures.only(t, THREATEN_RETALIATION, "BLR").respondsTo())
                .containsExactly(new Link(no.id(), LinkReason.EXPLICIT_CUE, 0.9));
    }

    @Test
    void anUndatedReportIsPlacedInTheDaysBeforePublication() {
        // Slovakia's expulsion is reported undated in an article of 22 March; Russia's answer is dated 24 March
        Fixtures.Topics t = Fixtures.run(List.of(
                noted("sk", "a", "SVK", "RUS", EXPEL_DIPLOMATS, fallback(2021, 3, "2021-03-15", "2021-03-22"), 3),
                noted("ru", "b", "RUS", "SVK", EXPEL_DIPLOMATS, FuzzyDate.parseIso("2021-03-24"), 3)));
        Action sk = Fixtures.only(t, EXPEL_DIPLOMATS, "SVK");
        Action ru = Fixtures.only(t, EXPEL_DIPLOMATS, "RUS");
        assertThat(ru.respondsTo()).extracting(Link::actionId).containsExactly(sk.id());
        assertThat(sk.respondsTo()).isEmpty();
        assertThat(ru.chainId()).isNotNull().isEqualTo(sk.chainId());
    }

    @Test
    void aDayInsideAnUndatedReportsDaysCameFirst() {
        // the text dates the provocation (18 March) and leaves the answer it reports undated
        Fixtures.Topics t = Fixtures.run(List.of(
                noted("sk", "a", "SVK", "RUS", EXPEL_DIPLOMATS, FuzzyDate.parseIso("2021-03-18"), 3),
                noted("ru", "a", "RUS", "SVK", RESTRICT_STAFF, fallback(2021, 3, "2021-03-15", "2021-03-22"), null)));
        Action sk = Fixtures.only(t, EXPEL_DIPLOMATS, "SVK");
        assertThat(Fixtures.only(t, RESTRICT_STAFF, "RUS").respondsTo()).extracting(Link::actionId).containsExactly(sk.id());
        assertThat(sk.respondsTo()).isEmpty();
    }

    @Test
    void aPlainYearReportIsNotNarrowedByAnotherArticlesPublication() {
        // "earlier this year" in one article: the action may lie anywhere before, so the undated
        // report of a later article does not place it in its own week
        Fixtures.Topics t = Fixtures.run(List.of(
                noted("ru-y", "a", "RUS", "SVK", RESTRICT_STAFF, FuzzyDate.ofYear(2021).withNote("this year"), null),
                noted("ru-f", "b", "RUS", "SVK", RESTRICT_STAFF, fallback(2021, 11, "2021-11-01", "2021-11-08"), null),
                noted("sk", "c", "SVK", "RUS", EXPEL_DIPLOMATS, FuzzyDate.parseIso("2021-10-20"), 2)));
        assertThat(t.actions.values().stream().filter(a -> a.type() == RESTRICT_STAFF)).hasSize(1);
        assertThat(Fixtures.only(t, RESTRICT_STAFF, "RUS").respondsTo()).isEmpty();
    }

    @Test
    void thisWeekIsOrderedByItsDaysNotByItsMonth() {
        // "this week" in an article of 9 March: before an answer of 12 March, although March contains both
        Fixtures.Topics t = Fixtures.run(List.of(
                noted("cl", "a", "CHL", "PER", EXPEL_DIPLOMATS, ranged(FuzzyDate.ofMonth(2023, 3), "this week", "2023-03-03", "2023-03-09"), 2),
                noted("pe", "b", "PER", "CHL", EXPEL_DIPLOMATS, FuzzyDate.parseIso("2023-03-12"), 2)));
        Action cl = Fixtures.only(t, EXPEL_DIPLOMATS, "CHL");
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "PER").respondsTo()).extracting(Link::actionId).containsExactly(cl.id());
        assertThat(cl.respondsTo()).isEmpty();
    }

    @Test
    void aStatedCoarseMonthIsOrderedByItsMiddle() {
        // "earlier this month" (1-25 May) against a day of 25 May: the capped staff came first
        Fixtures.Topics t = Fixtures.run(List.of(
                noted("cl", "a", "CHL", "PER", RESTRICT_STAFF, ranged(FuzzyDate.ofMonth(2023, 5), "this month", "2023-05-01", "2023-05-25"), null),
                noted("pe", "a", "PER", "CHL", EXPEL_DIPLOMATS, FuzzyDate.parseIso("2023-05-25"), null)));
        Action cl = Fixtures.only(t, RESTRICT_STAFF, "CHL");
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "PER").respondsTo()).extracting(Link::actionId).containsExactly(cl.id());
        assertThat(cl.respondsTo()).isEmpty();
    }

    @Test
    void anActDatedAsTheSameDayAnswersTheOther() {
        FuzzyDate day = FuzzyDate.parseIso("2023-05-25");
        for (String order : List.of("ab", "ba")) {
            List<ExtractedAction> ms = new ArrayList<>(List.of(
                    noted("pe", "a", "PER", "CHL", EXPEL_DIPLOMATS, day, null),
                    noted("cl", "a", "CHL", "PER", EXPEL_DIPLOMATS, day.withNote("the same day").withBasis(DateBasis.AFTER_EARLIER_ACT), null)));
            if (order.equals("ba")) {
                Collections.reverse(ms);
            }
            Fixtures.Topics t = Fixtures.run(ms);
            Action pe = Fixtures.only(t, EXPEL_DIPLOMATS, "PER");
            assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "CHL").respondsTo()).extracting(Link::actionId).containsExactly(pe.id());
            assertThat(pe.respondsTo()).isEmpty();
        }
    }

    @Test
    void aWarningAnswersTheLatestMoveNotTheMostReported() {
        // Slovakia expels (reported by three outlets), Russia answers, Slovakia gives an ultimatum;
        // Russia's counter-warning answers the ultimatum
        Fixtures.Topics t = Fixtures.run(List.of(
                m("sk1", "a", "SVK", "RUS", EXPEL_DIPLOMATS, "2021-03-18", 3),
                m("sk2", "b", "SVK", "RUS", EXPEL_DIPLOMATS, "2021-03-18", 3),
                m("sk3", "c", "SVK", "RUS", EXPEL_DIPLOMATS, "2021-03-18", 3),
                m("ru", "d", "RUS", "SVK", EXPEL_DIPLOMATS, "2021-03-19", 3),
                m("sk-ult", "e", "SVK", "RUS", THREATEN_RETALIATION, "2021-03-22", null),
                m("ru-warn", "e", "RUS", "SVK", THREATEN_RETALIATION, "2021-03-23", null)));
        Action ult = Fixtures.only(t, THREATEN_RETALIATION, "SVK");
        assertThat(Fixtures.only(t, THREATEN_RETALIATION, "RUS").respondsTo()).extracting(Link::actionId).containsExactly(ult.id());
    }

    @Test
    void anUndatedArticlesMonthFindsAnUndatedReportPublishedThatMonth() {
        // one article reports the expulsion of 7 without a date (published in March); an undated
        // article recalls "the 7 expelled in March": one action, not two
        List<ExtractedAction> ms = new ArrayList<>(List.of(
                noted("sk", "a", "SVK", "RUS", EXPEL_DIPLOMATS, fallback(2021, 3, "2021-03-15", "2021-03-22"), 7),
                noted("sk-u", "b", "SVK", "RUS", EXPEL_DIPLOMATS, FuzzyDate.ofMonthWithoutYear(3, null), 7),
                noted("ru", "c", "RUS", "SVK", EXPEL_DIPLOMATS, FuzzyDate.parseIso("2021-03-25"), 7)));
        for (int seed = 0; seed < 4; seed++) {
            Collections.shuffle(ms, new Random(seed));
            Fixtures.Topics t = Fixtures.run(ms);
            assertThat(t.actions.values().stream().filter(a -> a.source().equals("SVK"))).hasSize(1);
            assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "SVK").articles()).containsExactly("a.txt", "b.txt");
        }
    }

    @Test
    void anActDatedAWeekLaterInTheSameMonthAnswersTheOther() {
        // "In June Chile expelled two Peruvian diplomats ... Lima sent two Chileans home a week later."
        Fixtures.Topics t = Fixtures.run(List.of(
                noted("pe", "a", "PER", "CHL", EXPEL_DIPLOMATS, FuzzyDate.ofMonth(2023, 6).withNote("a week later").withBasis(DateBasis.AFTER_EARLIER_ACT), 2),
                noted("cl", "a", "CHL", "PER", EXPEL_DIPLOMATS, FuzzyDate.ofMonth(2023, 6), 2)));
        Action cl = Fixtures.only(t, EXPEL_DIPLOMATS, "CHL");
        assertThat(Fixtures.only(t, EXPEL_DIPLOMATS, "PER").respondsTo()).extracting(Link::actionId).containsExactly(cl.id());
        assertThat(cl.respondsTo()).isEmpty();
    }

    @Test
    void measuresReportedWithACitedAnswerShareItsProvocation() {
        // Lima's statement (cited), Santiago expels the ambassador citing it; the same article adds
        // that Santiago froze new trade (undated report): it answers the same statement
        Fixtures.Topics t = Fixtures.run(List.of(
                noted("pe", "a", "PER", "CHL", ActionType.OTHER, FuzzyDate.ofYear(2023).withNote("cited as the provocation"), null),
                noted("cl", "a", "CHL", "PER", EXPEL_DIPLOMATS, FuzzyDate.parseIso("2023-06-05"), 1, "pe"),
                noted("cl-trade", "a", "CHL", "PER", ActionType.TRADE_MEASURE, fallback(2023, 6, "2023-05-30", "2023-06-06"), null),
                // another article's measure of the same side shares nothing: it answers Lima's ban before it
                noted("pe-ban", "c", "PER", "CHL", ActionType.TRADE_MEASURE, FuzzyDate.parseIso("2023-06-15"), null),
                noted("cl-visa", "b", "CHL", "PER", ActionType.RESTRICT_VISAS, FuzzyDate.parseIso("2023-06-20"), null)));
        Action statement = Fixtures.only(t, ActionType.OTHER, "PER");
        assertThat(Fixtures.only(t, ActionType.TRADE_MEASURE, "CHL").respondsTo()).extracting(Link::actionId)
                .containsExactly(statement.id());
        assertThat(Fixtures.only(t, ActionType.RESTRICT_VISAS, "CHL").respondsTo()).extracting(Link::actionId)
                .containsExactly(Fixtures.only(t, ActionType.TRADE_MEASURE, "PER").id());
    }

    @Test
    void anUndatedRecallWithAnUnmatchedCountStillNamesTheKindOfActAnswered() {
        // "warned it would answer the expulsion of Russian diplomats": the recall took a count from another
        // sentence that fits no action; the latest Slovak expulsion before the warning is what it answers
        Fixtures.Topics t = Fixtures.run(List.of(
                m("sk-old", "x", "SVK", "RUS", EXPEL_DIPLOMATS, "2021-09-01", 2),
                m("sk", "a", "SVK", "RUS", EXPEL_DIPLOMATS, "2021-10-20", 5),
                m("sk-recall", "b", "SVK", "RUS", EXPEL_DIPLOMATS, "", 40, Modality.BACKGROUND),
                m("ru", "b", "RUS", "SVK", THREATEN_RETALIATION, "2021-10-25", null, Modality.ASSERTED, "sk-recall")));
        Action latest = t.actions.values().stream().filter(a -> Integer.valueOf(5).equals(a.count())).findFirst().orElseThrow();
        assertThat(Fixtures.only(t, THREATEN_RETALIATION, "RUS").respondsTo())
                .containsExactly(new Link(latest.id(), LinkReason.EXPLICIT_CUE, 0.9));
    }

    @Test
    void aMeasureWithNothingBeforeItAnswersTheGrievanceItsSideCited() {
        // a call for an inquiry (cited by the first ban), then a second ban of the same side elsewhere
        Fixtures.Topics t = Fixtures.run(List.of(
                noted("nz", "a", "NZL", "CHN", ActionType.OTHER, FuzzyDate.ofYear(2021).withNote("cited as the provocation"), null),
                noted("ban1", "a", "CHN", "NZL", ActionType.TRADE_MEASURE, FuzzyDate.parseIso("2021-05-04"), null, "nz"),
                noted("ban2", "b", "CHN", "NZL", ActionType.TRADE_MEASURE, FuzzyDate.parseIso("2021-05-20"), 2)));
        Action call = Fixtures.only(t, ActionType.OTHER, "NZL");
        Action second = t.actions.values().stream().filter(a -> Integer.valueOf(2).equals(a.count())).findFirst().orElseThrow();
        assertThat(second.respondsTo()).extracting(Link::actionId, Link::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(call.id(), LinkReason.INFERRED));
    }

    @Test
    void anUndatedReportIsNotAnActionMonthsBeforeItsPublication() {
        // "Hanoi downgrades ties" reported undated in November is not the recall of August; a report
        // published three days after a dated recall is that recall
        Fixtures.Topics t = Fixtures.run(List.of(
                noted("aug", "a", "VNM", "KHM", ActionType.RECALL_ENVOY, FuzzyDate.parseIso("2022-08-10"), null),
                noted("aug-report", "b", "VNM", "KHM", ActionType.RECALL_ENVOY, fallback(2022, 8, "2022-08-06", "2022-08-13"), null),
                noted("nov", "c", "VNM", "KHM", ActionType.RECALL_ENVOY, fallback(2022, 11, "2022-11-15", "2022-11-22"), null)));
        List<Action> recalls = t.actions.values().stream().filter(a -> a.type() == ActionType.RECALL_ENVOY).toList();
        assertThat(recalls).hasSize(2);
        assertThat(recalls).anySatisfy(a -> assertThat(a.articles()).containsExactly("a.txt", "b.txt"));
        assertThat(recalls).anySatisfy(a -> assertThat(a.articles()).containsExactly("c.txt"));
    }
}
