package io.riposte.registry;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the schema registry answers, as this JVM last saw it. One instance per JVM, because every
 * registry client and serde of a process talks to the same registry and {@code /health} must speak
 * for all of them.
 *
 * <p>An outage opens when a call fails for infrastructure reasons after its retries and closes at the
 * next answer. Each outage is logged once when it opens and once when it closes, not once per record
 * that waits for it, so a long outage under load does not flood the log.
 */
public final class RegistryHealth {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHealth.class);
    private static final RegistryHealth GLOBAL = new RegistryHealth();

    /** An outage in progress: why, and since when. */
    public record Outage(String reason, Instant since) {}

    /** The outage each open client sees; the process is degraded while any client sees one. */
    private final Map<Object, Outage> byClient = new ConcurrentHashMap<>();
    private final AtomicReference<Outage> current = new AtomicReference<>();
    private final AtomicLong outages = new AtomicLong();
    private final AtomicLong waited = new AtomicLong();

    RegistryHealth() {}

    public static RegistryHealth global() {
        return GLOBAL;
    }

    /**
     * A call of {@code client} failed for infrastructure reasons (no answer, 5xx, 429, ...). The first
     * client to see it opens the process's outage (and logs it); others join it silently.
     */
    public synchronized void unavailable(Object client, String reason) {
        Outage next = new Outage(reason, Instant.now());
        byClient.putIfAbsent(client, next);
        if (current.compareAndSet(null, next)) {
            outages.incrementAndGet();
            LOG.warn("Schema registry unavailable: {}. Records that need it wait (none is skipped) until it answers.", reason);
        }
    }

    /** {@code client} got an answer: its outage is over, and the process's once no client sees one. */
    public synchronized void answered(Object client) {
        byClient.remove(client);
        closeIfClear("Schema registry answers again");
    }

    /** {@code client} was closed: what it saw no longer counts. */
    public synchronized void forget(Object client) {
        byClient.remove(client);
        closeIfClear("No open client waits for the schema registry any more");
    }

    private void closeIfClear(String why) {
        if (!byClient.isEmpty()) {
            return;
        }
        Outage was = current.getAndSet(null);
        if (was != null) {
            LOG.info("{} after {} s; {} waits so far", why, Duration.between(was.since(), Instant.now()).toSeconds(), waited.get());
        }
    }

    /** A record waited for the registry (counted once per record, not per retry). */
    public void recordWaited() {
        waited.incrementAndGet();
    }

    /** The outage in progress, if any. */
    public Optional<Outage> outage() {
        return Optional.ofNullable(current.get());
    }

    /** Outages opened since the JVM started. */
    public long outages() {
        return outages.get();
    }

    /** Records that had to wait for the registry since the JVM started. */
    public long recordsWaited() {
        return waited.get();
    }

    /** The health as a reason for {@code /health}: null while the registry answers. */
    public String degradedReason() {
        Outage o = current.get();
        return o == null ? null : "schema registry unavailable since " + o.since() + ": " + o.reason();
    }

    /**
     * Registers {@code riposte.registry.unavailable} (1 during an outage), {@code riposte.registry.outages}
     * and {@code riposte.registry.waits} (Prometheus adds {@code _total} to the counters).
     */
    public void bindTo(MeterRegistry registry, String app) {
        Gauge.builder("riposte.registry.unavailable", this, h -> h.current.get() == null ? 0 : 1)
                .description("1 while the schema registry does not answer (records wait, none is skipped)")
                .tag("app", app).register(registry);
        FunctionCounter.builder("riposte.registry.outages", this, RegistryHealth::outages)
                .description("Schema registry outages seen").tag("app", app).register(registry);
        FunctionCounter.builder("riposte.registry.waits", this, RegistryHealth::recordsWaited)
                .description("Records that waited for the schema registry").tag("app", app).register(registry);
    }
}
