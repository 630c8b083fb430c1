package io.riposte.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.DateBasis;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Correlation reads what extraction knows about a date from its typed fields; the note is only a comment. */
class DateBasisTest {

    static ExtractedAction staff(String id, FuzzyDate date) {
        return new ExtractedAction(id, id, id + ".txt", "USA", "RUS", ActionType.RESTRICT_STAFF, date, null,
                Modality.ASSERTED, 0.7, List.of(), List.of(), null);
    }

    @Test
    void aFallbackNoteWithoutItsBasisIsAStatedMonth() {
        // the same two reports as MergingTest's fallback case, but nothing says they are fallbacks:
        // two stated months three months apart are two actions
        Fixtures.Topics t = Fixtures.run(List.of(
                staff("p1", FuzzyDate.ofMonth(2021, 8).withNote("month of publication: no date in the text")),
                staff("p2", FuzzyDate.ofMonth(2021, 11).withNote("month of publication: no date in the text"))));
        assertThat(t.actions).hasSize(2);
    }

    @Test
    void aPublicationFallbackIsWidenedToItsYearKeepingItsDays() {
        // published 3 January: the week before reaches into December
        FuzzyDate fallback = FuzzyDate.ofMonth(2022, 1).withRange(LocalDate.of(2021, 12, 27), LocalDate.of(2022, 1, 3))
                .withBasis(DateBasis.PUBLICATION_FALLBACK);
        FuzzyDate widened = ActionDates.effectiveDate(fallback);
        assertThat(widened.precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(widened.year()).isEqualTo(2022);
        assertThat(widened.rangeStart()).isEqualTo(LocalDate.of(2021, 12, 27));
        assertThat(widened.basis()).isEqualTo(DateBasis.PUBLICATION_FALLBACK);
        assertThat(ActionDates.dayRange(widened)).containsExactly(LocalDate.of(2021, 12, 27).toEpochDay(), LocalDate.of(2022, 1, 3).toEpochDay());
        // a stated month with a range ("this week") is not widened
        FuzzyDate week = fallback.withBasis(DateBasis.STATED);
        assertThat(ActionDates.effectiveDate(week)).isSameAs(week);
        assertThat(ActionDates.dayRange(FuzzyDate.ofMonth(2022, 1))).isNull();
    }

    @Test
    void onlyTheBasisSaysAnActCameAfterAnother() {
        FuzzyDate day = FuzzyDate.ofDay(LocalDate.of(2023, 5, 25));
        assertThat(ActionDates.datedAfterAnother(day.withNote("the same day"))).isFalse();
        assertThat(ActionDates.datedAfterAnother(day.withBasis(DateBasis.AFTER_EARLIER_ACT))).isTrue();
        assertThat(ActionDates.datedAfterAnother(FuzzyDate.unknown("a week later").withBasis(DateBasis.AFTER_EARLIER_ACT))).isTrue();
    }
}
