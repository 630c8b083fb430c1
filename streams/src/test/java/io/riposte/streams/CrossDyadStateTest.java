package io.riposte.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.correlation.CrossDyadLinks;
import io.riposte.domain.ActionType;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import org.junit.jupiter.api.Test;

/** The one-line form a cross-dyad resolution travels in on cross-dyad-resolved. */
class CrossDyadStateTest {

    @Test
    void aResolutionRoundTripsWithAndWithoutItsLink() {
        CrossDyadLinks.Resolved linked = new CrossDyadLinks.Resolved("xa-1", "art-7", 120, ActionType.RECALL_ENVOY,
                new Link("act-9", LinkReason.EXPLICIT_CUE, 0.8));
        CrossDyadLinks.Resolved none = new CrossDyadLinks.Resolved("xa-2", "art-7", 0, ActionType.THREATEN_RETALIATION, null);
        assertThat(CrossDyadState.decode(CrossDyadState.encode(linked))).isEqualTo(linked);
        assertThat(CrossDyadState.decode(CrossDyadState.encode(none))).isEqualTo(none);
    }

    @Test
    void whatCannotTravelOrWasNotWrittenByItIsRefusedClearly() {
        assertThatThrownBy(() -> CrossDyadState.encode(new CrossDyadLinks.Resolved("xa-1", "art\t7", 0, ActionType.OTHER, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tab");
        assertThatThrownBy(() -> CrossDyadState.decode("xa-1\tart-7\t0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 tab-separated fields");
    }
}
