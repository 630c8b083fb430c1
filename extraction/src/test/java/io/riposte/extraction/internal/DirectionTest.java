package io.riposte.extraction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectionTest {
    @Test
    void activeAndPassiveVoice() {
        assertThat(new PassFixture("Ghana expelled two Togolese diplomats.").sides()).isEqualTo("GHA>TGO");
        assertThat(new PassFixture("Two Togolese diplomats were expelled by Ghana.").sides()).isEqualTo("GHA>TGO");
    }

    @Test
    void fromNamesTheExpellingState() {
        assertThat(new PassFixture("Togo's envoy was expelled from Ghana on Monday.").sides()).isEqualTo("GHA>TGO");
    }

    @Test
    void againstAndOnNameTheTarget() {
        assertThat(new PassFixture("Canada imposed sanctions on Belarus.").sides()).isEqualTo("CAN>BLR");
    }

    @Test
    void membersOfOneListAgreeingHaveNoDirection() {
        assertThat(new PassFixture("Chile and Peru agreed to restore relations.").sides()).isNull();
    }

    @Test
    void oneRecallsOnesOwnAmbassador() {
        assertThat(new PassFixture("Mexico's ambassador to Peru was recalled.").sides()).startsWith("MEX>");
    }
}
