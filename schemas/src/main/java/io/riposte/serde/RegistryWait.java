package io.riposte.serde;

import io.riposte.registry.RegistryHealth;
import io.riposte.registry.SchemaRegistryException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting out a registry outage. The serdes wait a bounded time inside one call, so a Kafka client
 * thread never blocks for longer than its poll interval or transaction timeout allows; a reader that
 * owns its loop wraps a call in {@link #untilAvailable} to wait as long as it runs.
 */
public final class RegistryWait {
    static final long FIRST_BACKOFF_MS = 250;
    static final long MAX_BACKOFF_MS = 5_000;

    private RegistryWait() {}

    /**
     * Runs {@code call}, retrying infrastructure failures with back-off (250 ms doubling to 5 s) for up to
     * {@code maxWaitMs}; then throws {@link RegistryUnavailableException}. Other registry errors pass through.
     */
    static <T> T bounded(Supplier<T> call, long maxWaitMs, String what) {
        long start = System.nanoTime();
        long backoff = FIRST_BACKOFF_MS;
        boolean counted = false;
        while (true) {
            try {
                return call.get();
            } catch (SchemaRegistryException e) {
                if (!e.infrastructure()) {
                    throw e;
                }
                if (!counted) {
                    RegistryHealth.global().recordWaited();
                    counted = true;
                }
                long waitedMs = (System.nanoTime() - start) / 1_000_000;
                if (waitedMs >= maxWaitMs) {
                    throw new RegistryUnavailableException(what + ": the schema registry did not answer for " + waitedMs
                            + " ms (" + e.getMessage() + "); the record was not processed and must be retried", e);
                }
                try {
                    Thread.sleep(Math.min(backoff, Math.max(1, maxWaitMs - waitedMs)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new RegistryUnavailableException(what + ": interrupted while waiting for the schema registry", e);
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /**
     * Runs {@code call} again after each {@link RegistryUnavailableException} for as long as {@code running}
     * says so, so the caller processes the same record once the registry is back instead of skipping it.
     * When {@code running} turns false the last exception is thrown.
     */
    public static <T> T untilAvailable(Supplier<T> call, BooleanSupplier running) {
        while (true) {
            try {
                return call.get();
            } catch (RegistryUnavailableException e) {
                if (!running.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
            }
        }
    }
}
