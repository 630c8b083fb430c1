package io.riposte.extraction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.extraction.internal.Mention.Role;
import org.junit.jupiter.api.Test;

class ActorMentionsTest {
    @Test
    void rolesOfSeatsPeopleMissionsAndPlaces() {
        PassFixture f = new PassFixture("The Kremlin told two Estonian diplomats at the embassy in Moscow to leave.");
        Mention kremlin = f.actors.mentionAt(f.token("kremlin"));
        Mention estonian = f.actors.mentionAt(f.token("estonian"));
        Mention moscow = f.actors.mentionAt(f.token("moscow"));
        assertThat(kremlin.iso).isEqualTo("RUS");
        assertThat(kremlin.role).isEqualTo(Role.AGENT);
        assertThat(estonian.iso).isEqualTo("EST");
        assertThat(estonian.role).isEqualTo(Role.PEOPLE);
        assertThat(moscow.role).as("'in Moscow' is a place").isEqualTo(Role.HOST);
    }

    @Test
    void trapsAreNoStates() {
        PassFixture f = new PassFixture("Michael Jordan flew from Atlanta, Georgia to sign the Ottawa Convention.");
        assertThat(f.actors.mentionAt(f.token("jordan"))).as("a person's name").isNull();
        assertThat(f.actors.mentionAt(f.token("georgia"))).as("a US state after a city").isNull();
        assertThat(f.actors.mentionAt(f.token("ottawa"))).as("part of a treaty's name").isNull();
    }

    @Test
    void theCounterpartIsTheOtherStateNamedMost() {
        PassFixture f = new PassFixture("Chile and Peru met. Peru said Chile lied. Peru left.");
        assertThat(f.actors.counterpart("CHL", f.actors.inSentence(2))).isEqualTo("PER");
        assertThat(f.actors.counterpart("PER", f.actors.inSentence(2))).isEqualTo("CHL");
    }
}
