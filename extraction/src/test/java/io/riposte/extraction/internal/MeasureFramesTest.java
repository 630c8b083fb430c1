package io.riposte.extraction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import org.junit.jupiter.api.Test;

class MeasureFramesTest {
    @Test
    void aTriggerCountsOnlyInItsFrame() {
        assertThat(new PassFixture("Brazil will close its consulate in Lagos.").triggers(0)).extracting(Trig::type)
                .containsExactly(ActionType.CLOSE_MISSION);
        assertThat(new PassFixture("Brazil will close the gap with Nigeria.").triggers(0)).as("no mission noun").isEmpty();
        assertThat(new PassFixture("Kenya recalled its ambassador from Uganda.").triggers(0)).extracting(Trig::type)
                .containsExactly(ActionType.RECALL_ENVOY);
        assertThat(new PassFixture("Kenya recalled the vote in Uganda.").triggers(0)).as("no envoy").isEmpty();
    }

    @Test
    void aGenericRestrictionTakesItsTypeFromTheNearestObject() {
        assertThat(new PassFixture("Japan suspended visas for Peruvian citizens.").triggers(0)).extracting(Trig::type)
                .containsExactly(ActionType.RESTRICT_VISAS);
        assertThat(new PassFixture("Japan suspended imports of Peruvian beef.").triggers(0)).extracting(Trig::type)
                .containsExactly(ActionType.TRADE_MEASURE);
    }

    @Test
    void dutiesAreATradeMeasureOnlyAsATradeRemedyOrWhenImposed() {
        assertThat(new PassFixture("Egypt will impose duties of 40 per cent on Turkish steel from Monday.").triggers(0))
                .extracting(Trig::type).containsExactly(ActionType.TRADE_MEASURE);
        assertThat(new PassFixture("Egypt set provisional anti-dumping deposits on Turkish steel.").triggers(0))
                .extracting(Trig::type).containsExactly(ActionType.TRADE_MEASURE);
        assertThat(new PassFixture("The Turkish envoy took up his duties in Cairo.").triggers(0)).as("a post's duties").isEmpty();
    }

    @Test
    void consentForAMissionTakenBackIsAClosure() {
        assertThat(new PassFixture("Poland revoked its consent to the Russian consulate in Poznan.").triggers(0))
                .extracting(Trig::type).containsExactly(ActionType.CLOSE_MISSION);
        assertThat(new PassFixture("Poland revoked permission for the Russian festival to go ahead.").triggers(0))
                .as("no mission").isEmpty();
    }

    @Test
    void anOfficialsAircraftKeptOutIsAnActOfNoListedKind() {
        assertThat(new PassFixture("Greece revoked the landing rights for the Turkish minister.").triggers(0))
                .extracting(Trig::type).containsExactly(ActionType.OTHER);
        assertThat(new PassFixture("The pilot asked for landing permission in Athens.").triggers(0)).as("only asked").isEmpty();
    }

    @Test
    void thePassiveAndTheNounForm() {
        PassFixture f = new PassFixture("Three Chilean diplomats were expelled. The expulsion of the envoy followed.");
        assertThat(f.triggers(0)).singleElement().satisfies(tr -> assertThat(tr.passive()).isTrue());
        Trig noun = f.triggers(1).get(0);
        assertThat(f.frames.isNominal(noun)).isTrue();
    }
}
