package io.riposte.extraction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentationTest {
    @Test
    void relativePronounsSubordinatorsAndCommaAndOpenClauses() {
        PassFixture f = new PassFixture("Ruritania, which recalled its envoy, said the talks failed because Osterlich refused, and it left.");
        assertThat(f.seg.isClauseBoundary(f.token("which"))).isTrue();
        assertThat(f.seg.isClauseBoundary(f.token("because"))).isTrue();
        assertThat(f.seg.isClauseBoundary(f.token("and") - 1)).as("the comma before 'and'").isTrue();
        assertThat(f.seg.isClauseBoundary(f.token("said"))).isFalse();
        assertThat(f.seg.isClauseBoundary(1)).as("the comma after the subject").isFalse();
    }

    @Test
    void theLastCommaOfAListIsNoClauseBoundary() {
        PassFixture f = new PassFixture("Norway expelled diplomats of Latvia, Lithuania, and Estonia on Monday.");
        assertThat(f.seg.isClauseBoundary(f.token("and") - 1)).as("the list's last comma").isFalse();
        PassFixture plain = new PassFixture("Norway expelled two diplomats, and Estonia protested.");
        assertThat(plain.seg.isClauseBoundary(plain.token("and") - 1)).isTrue();
    }

    @Test
    void aSpeakerAfterAClosingQuoteAndTheWindows() {
        PassFixture f = new PassFixture("\"We will answer this,\" Finland's foreign minister said.\nThen it ended.");
        Mention finland = f.actors.mentionAt(f.token("finland"));
        assertThat(finland).isNotNull();
        assertThat(f.seg.isSpeaker(finland)).isTrue();
        assertThat(f.seg.sameParagraph(0, 1)).isFalse();
        assertThat(f.seg.startsWithAny(1, Set.of("then", "later"))).isTrue();
        assertThat(f.seg.before(f.token("answer"), 0, 2, Set.of("will"))).isTrue();
        assertThat(f.seg.after(f.token("answer"), f.t.size, 2, Set.of("said"))).isFalse();
    }
}
