package io.riposte.producer;

/**
 * Decides how long to wait before each article: not at all, at a fixed rate, or following the
 * articles' publication times compressed by a speed-up factor. Time and sleeping are injected so
 * the schedule can be tested without timing anything.
 */
final class Pacer {
    /** Sleeps; {@link Thread#sleep} in production. */
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    interface Ticker {
        long nanos();
    }

    private final ReplayOptions options;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private long startNanos;
    private long count;
    private long firstEventMillis = Long.MIN_VALUE;

    Pacer(ReplayOptions options, Ticker ticker, Sleeper sleeper) {
        this.options = options;
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    static Pacer system(ReplayOptions options) {
        return new Pacer(options, System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
    }

    /** Waits until the next article (with this event time) is due. */
    void awaitTurn(long eventMillis) throws InterruptedException {
        if (count == 0) {
            startNanos = ticker.nanos();
        }
        long dueOffsetNanos;
        if (options.rate() > 0) {
            dueOffsetNanos = (long) (count * 1e9 / options.rate());
        } else if (options.speedup() > 0) {
            if (firstEventMillis == Long.MIN_VALUE) {
                firstEventMillis = eventMillis;
            }
            // An article older than the first one is late already: it goes out at once.
            dueOffsetNanos = (long) (Math.max(0, eventMillis - firstEventMillis) * 1e6 / options.speedup());
        } else {
            dueOffsetNanos = 0;
        }
        count++;
        long wait = startNanos + dueOffsetNanos - ticker.nanos();
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }
}
