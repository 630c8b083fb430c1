package io.riposte.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.avro.Alert;
import io.riposte.avro.AlertType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure part of {@code riposte alerts}: which alerts pass, and how one line looks. */
class AlertTailFormatTest {
    static Alert alert(String dyad, AlertType type, double severity, String summary) {
        return Alert.newBuilder().setId(dyad + type + severity).setType(type).setDyad(dyad).setSeverity(severity)
                .setActionDate(DyadViewTest.day(2018, 3, 26)).setSummary(summary).build();
    }

    final Alert expel = alert("GBR-RUS", AlertType.ESCALATION, -7.5, "Russia expels 23 British diplomats");
    final Alert threat = alert("GBR-RUS", AlertType.THREAT, -4.0, "Moscow threatens a response");
    final Alert talks = alert("CHN-USA", AlertType.DE_ESCALATION, 3.0, "talks resume");

    @Test
    void aDyadMatchesInEitherOrderAndNothingElse() {
        AlertFilter f = AlertFilter.parse("rus-gbr", null);
        assertThat(List.of(expel, threat, talks).stream().filter(f).toList()).containsExactly(expel, threat);
    }

    @Test
    void minSeverityIsAHostilityThresholdByNumberOrName() {
        assertThat(List.of(expel, threat, talks).stream().filter(AlertFilter.parse(null, "high")).toList()).containsExactly(expel);
        assertThat(List.of(expel, threat, talks).stream().filter(AlertFilter.parse(null, "-4")).toList()).containsExactly(expel, threat);
        assertThat(List.of(expel, threat, talks).stream().filter(AlertFilter.parse(null, "4")).toList()).containsExactly(expel, threat);
        assertThat(List.of(expel, threat, talks).stream().filter(AlertFilter.parse(null, "low")).toList()).hasSize(3);
        assertThat(List.of(expel, threat, talks).stream().filter(AlertFilter.all()).toList()).hasSize(3);
    }

    @Test
    void badFilterValuesSayWhatIsWanted() {
        assertThatThrownBy(() -> AlertFilter.parse("USA", null)).hasMessageContaining("--dyad wants two 3-letter codes");
        assertThatThrownBy(() -> AlertFilter.parse(null, "severe")).hasMessageContaining("--min-severity wants");
    }

    @Test
    void plainLinesCarryTypeDyadDateSeverityAndSummaryWithoutEscapes() {
        String line = AlertFormat.line(expel, false);
        assertThat(line).contains("[ESCALATION]", "GBR-RUS", "2018-03-26", "-7.5", "Russia expels 23 British diplomats");
        assertThat(line).doesNotContain("\u001b");
    }

    @Test
    void colourFollowsSeverityOnATerminal() {
        assertThat(AlertFormat.line(expel, true)).startsWith(AlertFormat.RED).endsWith(AlertFormat.RESET);
        assertThat(AlertFormat.line(threat, true)).startsWith(AlertFormat.YELLOW);
        assertThat(AlertFormat.line(talks, true)).startsWith(AlertFormat.GREEN);
    }

    @Test
    void escapeSequencesFromArticleTextCannotReachTheTerminal() {
        Alert hostile = alert("GBR-RUS", AlertType.THREAT, -4.0, "ok\u001b[2J\u001b]0;owned\u0007 done\nnext");
        String line = AlertFormat.line(hostile, true);
        // Only our own colour codes remain: one at the start, the reset at the end.
        assertThat(line.chars().filter(ch -> ch == 0x1b).count()).isEqualTo(2);
        assertThat(line).doesNotContain("\n", "\u0007");
    }
}
