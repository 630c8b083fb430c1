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
}
