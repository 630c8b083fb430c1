package io.riposte.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.avro.Alert;
import io.riposte.avro.AlertType;
import org.junit.jupiter.api.Test;

class ChainFormatTest {
    @Test
    void aChainReadsAsNumberedStepsWithWhatEachAnswers() {
        String text = ChainFormat.render(new DyadViewTest().gbrRus);
        assertThat(text.lines().toList()).hasSize(3);
        assertThat(text).contains("Chain c1  GBR-RUS  ACTIVE  escalation 14.0  2018-03-14 .. 2018-03-17  (2 steps)");
        assertThat(text.lines().toList().get(2)).contains("2018-03-17", "RUS -> GBR", "EXPEL_DIPLOMATS", "x23", "answers #1");
    }

    @Test
    void alertLinesArePlainWithoutATerminalAndStripControlCharacters() {
        Alert a = Alert.newBuilder().setId("al1").setType(AlertType.RETALIATION).setDyad("GBR-RUS")
                .setSeverity(-7.0).setActionDate(DyadViewTest.day(2018, 3, 17))
                .setSummary("RUS expelled 23 GBR diplomats\u001b[2J").build();
        String plain = AlertFormat.line(a, false);
        assertThat(plain).startsWith("[RETALIATION]").contains("GBR-RUS", "2018-03-17", "sev  -7.0", "RUS expelled 23 GBR diplomats")
                .doesNotContain("\u001b");
        assertThat(AlertFormat.line(a, true)).startsWith("\u001b[31m").endsWith("\u001b[0m");
    }
}
