package io.riposte.consumer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.riposte.registry.RegistryHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters and lag of a {@link DyadSink}, and their publication to Micrometer: the sink's own meters
 * and, while its loop runs, the Kafka clients' metrics ({@code KafkaClientMetrics}).
 */
final class DyadSinkMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(DyadSinkMetrics.class);

    final AtomicLong lastChangeNanos = new AtomicLong(System.nanoTime());
    final AtomicLong recordsRead = new AtomicLong();
    final AtomicLong upserts = new AtomicLong();
    final AtomicLong alertsSeen = new AtomicLong();
    final AtomicLong lag = new AtomicLong(-1);
    private volatile MeterRegistry meters;
    private final List<AutoCloseable> binders = new ArrayList<>();

    /** Registers the sink's meters on {@code registry}; the clients' metrics follow when the loop binds them. */
    <S> void register(MeterRegistry registry, S sink, ToDoubleFunction<S> dyadCount) {
        this.meters = registry;
        FunctionCounter.builder("riposte.consumer.records.read", this, m -> m.recordsRead.get())
                .description("Records read from chains, actions and alerts").register(registry);
        FunctionCounter.builder("riposte.consumer.dyad.upserts", this, m -> m.upserts.get())
                .description("Dyad records written to the JSON and Avro sink topics (upserts and tombstones)").register(registry);
        FunctionCounter.builder("riposte.consumer.alerts.received", this, m -> m.alertsSeen.get())
                .description("New alerts handed on to people").register(registry);
        Gauge.builder("riposte.consumer.lag.records", this, m -> m.lag.get())
                .description("Committed input records not read yet (-1 before the first poll)").register(registry);
        Gauge.builder("riposte.consumer.dyads", sink, dyadCount)
                .description("Dyads in the materialized view").register(registry);
        RegistryHealth.global().bindTo(registry, "consumer");
    }

    /** Publishes the clients' own metrics, if a registry was given, until {@link #unbindClients()}. */
    void bindClients(Producer<?, ?> producer, Consumer<?, ?> consumer) {
        MeterRegistry r = meters;
        if (r == null) {
            return;
        }
        synchronized (binders) {
            var cm = new KafkaClientMetrics(consumer);
            cm.bindTo(r);
            binders.add(cm);
            var pm = new KafkaClientMetrics(producer);
            pm.bindTo(r);
            binders.add(pm);
        }
    }

    void unbindClients() {
        synchronized (binders) {
            for (AutoCloseable b : binders) {
                try {
                    b.close();
                } catch (Exception e) {
                    LOG.debug("closing metrics binder", e);
                }
            }
            binders.clear();
        }
    }

    /** Sum of the consumer's own lag estimates (no broker call); -1 while any is unknown. */
    static long currentLag(Consumer<?, ?> consumer, List<TopicPartition> parts) {
        long sum = 0;
        for (TopicPartition p : parts) {
            OptionalLong l = consumer.currentLag(p);
            if (l.isEmpty()) {
                return -1;
            }
            sum += l.getAsLong();
        }
        return sum;
    }
}
