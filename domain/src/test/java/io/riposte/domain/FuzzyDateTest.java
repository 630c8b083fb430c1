package io.riposte.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FuzzyDateTest {

    @Test
    void writesEachPrecisionInTheEvaluationForm() {
        assertThat(FuzzyDate.ofDay(LocalDate.of(2021, 4, 16)).iso()).isEqualTo("2021-04-16");
        assertThat(FuzzyDate.ofMonth(2021, 4).iso()).isEqualTo("2021-04");
        assertThat(FuzzyDate.ofYear(2021).iso()).isEqualTo("2021");
        assertThat(FuzzyDate.ofMonthWithoutYear(9, null).iso()).isEqualTo("--09");
        assertThat(FuzzyDate.UNKNOWN.iso()).isNull();
    }

    @Test
    void parsesWhatItWrites() {
        for (String s : new String[] {"2021-04-16", "2021-04", "2021", "--09"}) {
            assertThat(FuzzyDate.parseIso(s).iso()).isEqualTo(s);
        }
        assertThat(FuzzyDate.parseIso(null)).isEqualTo(FuzzyDate.UNKNOWN);
        assertThatThrownBy(() -> FuzzyDate.parseIso("April")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToInventPrecision() {
        assertThatThrownBy(() -> new FuzzyDate(null, 4, 16, DatePrecision.DAY, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FuzzyDate(2021, 4, 16, DatePrecision.MONTH, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compatibilityFollowsPrecision() {
        FuzzyDate day = FuzzyDate.ofDay(LocalDate.of(2021, 4, 16));
        assertThat(day.compatibleWith(FuzzyDate.ofDay(LocalDate.of(2021, 4, 18)), 3)).isTrue();
        assertThat(day.compatibleWith(FuzzyDate.ofDay(LocalDate.of(2021, 4, 25)), 3)).isFalse();
        assertThat(day.compatibleWith(FuzzyDate.ofMonth(2021, 4), 0)).isTrue();
        assertThat(day.compatibleWith(FuzzyDate.ofMonth(2021, 5), 0)).isFalse();
        assertThat(day.compatibleWith(FuzzyDate.ofYear(2021), 0)).isTrue();
        assertThat(day.compatibleWith(FuzzyDate.ofMonthWithoutYear(4, null), 0)).isTrue();
        assertThat(day.compatibleWith(FuzzyDate.ofMonthWithoutYear(9, null), 0)).isFalse();
        assertThat(day.compatibleWith(FuzzyDate.UNKNOWN, 0)).isTrue();
        assertThat(FuzzyDate.ofMonth(2021, 4).moreSpecificThan(FuzzyDate.ofYear(2021))).isTrue();
        assertThat(FuzzyDate.ofMonth(2021, 4).moreSpecificThan(FuzzyDate.ofMonthWithoutYear(4, null))).isTrue();
    }

    @Test
    void dyadKeysAreUnordered() {
        assertThat(Dyad.of("USA", "RUS")).isEqualTo("RUS-USA").isEqualTo(Dyad.of("RUS", "USA"));
        assertThatThrownBy(() -> Dyad.parts("RUSUSA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFiveArgumentFormIsAStatedDateWithoutRange() {
        FuzzyDate d = new FuzzyDate(2021, 4, null, DatePrecision.MONTH, "in April");
        assertThat(d.basis()).isEqualTo(DateBasis.STATED);
        assertThat(d.rangeStart()).isNull();
        assertThat(d.rangeEnd()).isNull();
        assertThat(d.hasRange()).isFalse();
        assertThat(FuzzyDate.UNKNOWN.basis()).isEqualTo(DateBasis.STATED);
        assertThat(d).isEqualTo(FuzzyDate.ofMonth(2021, 4).withNote("in April"));
    }

    @Test
    void carriesRangeAndBasisThroughNoteChanges() {
        FuzzyDate week = FuzzyDate.ofMonth(2023, 3).withRange(LocalDate.of(2023, 3, 3), LocalDate.of(2023, 3, 9))
                .withBasis(DateBasis.PUBLICATION_FALLBACK);
        FuzzyDate renamed = week.withNote("this week");
        assertThat(renamed.rangeStart()).isEqualTo(LocalDate.of(2023, 3, 3));
        assertThat(renamed.rangeEnd()).isEqualTo(LocalDate.of(2023, 3, 9));
        assertThat(renamed.basis()).isEqualTo(DateBasis.PUBLICATION_FALLBACK);
        assertThat(renamed.withRange(null, null).hasRange()).isFalse();
        // typed facts take part in equality; the note does too, as before
        assertThat(week).isNotEqualTo(FuzzyDate.ofMonth(2023, 3));
        assertThat(week.withBasis(DateBasis.STATED)).isNotEqualTo(week);
    }

    @Test
    void aRangeMayCrossTheEdgeOfItsMonthButMustMeetIt() {
        // "last week" in an article of 3 March: a February date among 17 Feb - 2 March
        FuzzyDate straddling = FuzzyDate.ofMonth(2023, 2).withRange(LocalDate.of(2023, 2, 17), LocalDate.of(2023, 3, 2));
        assertThat(straddling.rangeEnd()).isEqualTo(LocalDate.of(2023, 3, 2));
        assertThatThrownBy(() -> FuzzyDate.ofMonth(2023, 2).withRange(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not meet");
        assertThatThrownBy(() -> FuzzyDate.ofDay(LocalDate.of(2023, 3, 10)).withRange(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FuzzyDate.ofYear(2023).withRange(LocalDate.of(2022, 12, 28), LocalDate.of(2023, 1, 3)).hasRange()).isTrue();
    }

    @Test
    void refusesMalformedRanges() {
        FuzzyDate march = FuzzyDate.ofMonth(2023, 3);
        assertThatThrownBy(() -> march.withRange(LocalDate.of(2023, 3, 9), LocalDate.of(2023, 3, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts after it ends");
        assertThatThrownBy(() -> march.withRange(LocalDate.of(2023, 3, 9), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> FuzzyDate.ofMonthWithoutYear(3, null).withRange(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known year");
        assertThatThrownBy(() -> FuzzyDate.unknown("this week").withRange(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> march.withBasis(null)).isInstanceOf(NullPointerException.class);
    }
}
