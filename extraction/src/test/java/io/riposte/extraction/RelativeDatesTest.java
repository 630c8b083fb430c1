package io.riposte.extraction;

import static io.riposte.extraction.ExtractorHardCasesTest.only;
import static io.riposte.extraction.ExtractorHardCasesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.DateBasis;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Relative dates resolved at the finest precision the text supports (issue 13), on sentences written for it. */
class RelativeDatesTest {

    private static FuzzyDate expulsion(String published, String text) {
        return only(run(published, text), ActionType.EXPEL_DIPLOMATS).date();
    }

    @Test
    void weekdaysAreTheLatestSuchDayOnOrBeforePublication() {
        // 2022-03-10 is a Thursday
        assertThat(expulsion("2022-03-10", "Latvia expelled two Russian diplomats on Saturday.").iso()).isEqualTo("2022-03-05");
        assertThat(expulsion("2022-03-10", "Latvia expelled two Russian diplomats last Tuesday.").iso()).isEqualTo("2022-03-08");
        // 2023-02-14 is a Tuesday: "last Tuesday" is not the day of writing
        assertThat(expulsion("2023-02-14", "Latvia expelled two Russian diplomats last Tuesday.").iso()).isEqualTo("2023-02-07");
        assertThat(expulsion("2022-03-10", "Estonia expelled a Russian diplomat yesterday.").iso()).isEqualTo("2022-03-09");
    }

    @Test
    void daysCountedFromAnActNamedBefore() {
        List<ExtractedAction> all = run("2022-03-10",
                "Moscow expelled the Latvian consul on Monday. Riga expelled a Russian consul two days later.");
        assertThat(all).extracting(a -> a.source() + ">" + a.target() + " " + a.date().iso())
                .contains("RUS>LVA 2022-03-07", "LVA>RUS 2022-03-09");
    }

    @Test
    void weeksAndMonthsStayCoarseButCarryTheirDays() {
        FuzzyDate week = expulsion("2022-03-10", "Finland expelled three Russian diplomats last week.");
        assertThat(week.precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(week.rangeStart()).isEqualTo(LocalDate.of(2022, 2, 25));
        assertThat(week.rangeEnd()).isEqualTo(LocalDate.of(2022, 3, 9));
        FuzzyDate earlier = expulsion("2022-03-10", "Earlier this month Lithuania expelled four Russian diplomats.");
        assertThat(earlier.iso()).isEqualTo("2022-03");
        assertThat(earlier.rangeEnd()).isEqualTo(LocalDate.of(2022, 3, 10));
        assertThat(expulsion("2022-03-10", "Lithuania expelled four Russian diplomats last month.").iso()).isEqualTo("2022-02");
        assertThat(expulsion("2022-10-05", "Chile expelled two Peruvian diplomats in late September.").iso()).isEqualTo("2022-09");
    }

    @Test
    void anAttributionDatesTheActAcrossARelativeClause() {
        // 2021-04-17 is a Saturday
        FuzzyDate d = expulsion("2021-04-17",
                "Slovakia will expel seven employees of the Hungarian embassy who were named by its intelligence services as spies, "
                        + "the premier said on Saturday.");
        assertThat(d).isEqualTo(FuzzyDate.ofDay(LocalDate.of(2021, 4, 17)));
    }

    @Test
    void undatedNewsIsBoundedByThePublicationDayAndARecalledActStaysUndated() {
        ExtractedAction a = only(run("2024-05-22", "The weather was mild. Norway recalled its ambassador to Iran for consultations."),
                ActionType.RECALL_ENVOY);
        assertThat(a.date().iso()).isEqualTo("2024-05-22");
        assertThat(a.date().basis()).isEqualTo(DateBasis.PUBLICATION_FALLBACK);
        assertThat(a.date().rangeStart()).isEqualTo(LocalDate.of(2024, 5, 15));
        List<ExtractedAction> recalled = run("2024-05-22", "Norway recalled its ambassador on Monday, after Iran had expelled "
                + "two Norwegian diplomats.");
        assertThat(only(recalled, ActionType.EXPEL_DIPLOMATS).date().precision()).isEqualTo(DatePrecision.UNKNOWN);
    }

    @Test
    void anUndatedArticleChainsItsMonthsWithoutInventingAYear() {
        List<ExtractedAction> all = run(null, "Denmark said on Tuesday it was expelling three Iranian diplomats in response to "
                + "Iran's expulsion of three Danes last month. Iran expelled three Danish diplomats in May.");
        assertThat(all).extracting(a -> a.source() + ">" + a.target() + " " + a.date().iso())
                .contains("DNK>IRN --06", "IRN>DNK --05");
        assertThat(all).noneMatch(a -> a.date().hasYear() || a.date().precision() == DatePrecision.DAY);
    }

    @Test
    void withoutAChainAnUndatedArticleKeepsItsRelativeDatesUnresolved() {
        List<ExtractedAction> all = run(null, "Denmark said on Tuesday it was expelling three Iranian diplomats. "
                + "Iran expelled two Danish diplomats last month.");
        assertThat(all).allMatch(a -> a.date().precision() == DatePrecision.UNKNOWN);
    }

    @Test
    void aWeekdayWrittenWithItsDateGivesAnUndatedArticleTheMonthOfWriting() {
        List<ExtractedAction> all = run(null, "Chile expelled two Peruvian diplomats, the foreign minister said on Thursday "
                + "(9 October). Peru has threatened to respond in kind.");
        assertThat(all).extracting(a -> a.source() + ">" + a.target() + " " + a.type() + " " + a.date().iso())
                .contains("CHL>PER EXPEL_DIPLOMATS --10", "PER>CHL THREATEN_RETALIATION --10");
        assertThat(expulsion(null, "Chile expelled two Peruvian diplomats on Thursday, October 9.").iso()).isEqualTo("--10");
        assertThat(all).noneMatch(a -> a.date().hasYear());
        // a weekday alone still says nothing of the month
        assertThat(expulsion(null, "Chile expelled two Peruvian diplomats on Thursday.").precision())
                .isEqualTo(DatePrecision.UNKNOWN);
    }

    @Test
    void aDateBetweenAnOrderAndItsTriggerDatesTheOrderEvenWhenItIsRecalled() {
        List<ExtractedAction> all = run("2021-06-15", "Minsk will expel five Lithuanian diplomats after Lithuania told six "
                + "Belarusian diplomats last month to leave, the ministry said on Tuesday.");
        assertThat(all).extracting(a -> a.source() + ">" + a.target() + " " + a.date().iso()).contains("LTU>BLR 2021-05");
    }
}
