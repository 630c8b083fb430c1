package io.riposte.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacing schedule on a fake clock: what is asserted is the waits asked for, never real time. */
class PacerTest {
    /** A clock that only moves when the pacer sleeps (sending takes no time). */
    static final class FakeTime implements Pacer.Ticker, Pacer.Sleeper {
        long now = 1_000;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    @Test
    void asFastAsPossibleNeverWaits() throws Exception {
        FakeTime t = new FakeTime();
        Pacer p = new Pacer(ReplayOptions.AS_FAST_AS_POSSIBLE, t, t);
        for (int i = 0; i < 5; i++) {
            p.awaitTurn(i * 86_400_000L);
        }
        assertThat(t.sleeps).isEmpty();
    }

    @Test
    void aRateSpacesArticlesEvenlyAndCatchesUpAfterASlowSend() throws Exception {
        FakeTime t = new FakeTime();
        Pacer p = new Pacer(new ReplayOptions(ReplayOptions.Order.AS_READ, 0, 4, 0), t, t);
        p.awaitTurn(0);
        p.awaitTurn(0);
        p.awaitTurn(0);
        assertThat(t.sleeps).containsExactly(250_000_000L, 250_000_000L);
        t.now += 600_000_000L; // a send that took 0.6 s: the next two are late and go at once
        p.awaitTurn(0);
        p.awaitTurn(0);
        p.awaitTurn(0); // due at 1.25 s, the clock says 1.1 s
        assertThat(t.sleeps).containsExactly(250_000_000L, 250_000_000L, 150_000_000L);
    }

    @Test
    void aSpeedupRelivesPublicationTimesCompressed() throws Exception {
        FakeTime t = new FakeTime();
        Pacer p = new Pacer(new ReplayOptions(ReplayOptions.Order.CHRONOLOGICAL, 0, 0, 86_400), t, t);
        long day = 86_400_000L;
        p.awaitTurn(10 * day);
        p.awaitTurn(11 * day); // one day later = one second at 86,400x
        p.awaitTurn(11 * day); // same time: no wait
        p.awaitTurn(9 * day);  // older than the first: sent at once
        p.awaitTurn(13 * day);
        assertThat(t.sleeps).containsExactly(1_000_000_000L, 2_000_000_000L);
    }

    @Test
    void rateAndSpeedupTogetherAreRefused() {
        assertThatThrownBy(() -> new ReplayOptions(ReplayOptions.Order.AS_READ, 0, 5, 10))
                .hasMessageContaining("--rate and --speedup");
        assertThatThrownBy(() -> ReplayOptions.parseOrder("random")).hasMessageContaining("as-read, chronological or shuffle");
    }
}
