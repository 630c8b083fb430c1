package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertOutputTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void sinceTakesAnInstantADayOrADurationBack() {
        assertThat(AlertOutput.since("2026-03-01T06:30:00Z", NOW)).isEqualTo(Instant.parse("2026-03-01T06:30:00Z"));
        assertThat(AlertOutput.since("2026-03-01", NOW)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(AlertOutput.since("PT6H", NOW)).isEqualTo(Instant.parse("2026-03-10T06:00:00Z"));
        assertThat(AlertOutput.since("P2D", NOW)).isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
        assertThat(AlertOutput.since(null, NOW)).isNull();
    }

    @Test
    void badValuesAreRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> AlertOutput.since("yesterday", NOW)).hasMessageContaining("--since wants an instant");
        assertThatThrownBy(() -> AlertOutput.since("P1M", NOW)).hasMessageContaining("--since wants");
        assertThatThrownBy(() -> AlertOutput.renderer("xml", false)).hasMessageContaining("--output wants text or json");
    }
}
