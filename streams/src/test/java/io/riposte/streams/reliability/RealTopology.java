package io.riposte.streams.reliability;

import io.riposte.extraction.Extractors;
import io.riposte.streams.CorrelatorFactory;
import io.riposte.streams.RiposteSerdes;
import io.riposte.streams.RiposteStreamsApp;
import io.riposte.streams.RiposteTopology;
import io.riposte.streams.StreamsCounters;
import io.riposte.streams.errors.DeadLetteringDeserializationExceptionHandler;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real topology (real extractor and correlator) in a TopologyTestDriver, configured as the app
 * configures it, with the store cache off and the registry serdes talking HTTP to {@code registryUrl}.
 * (The streams package's own {@code Driver} is package-private, hence this small twin.)
 */
final class RealTopology implements AutoCloseable {
    final RiposteSerdes serdes;
    final StreamsCounters counters = new StreamsCounters();
    final TopologyTestDriver ttd;

    RealTopology(String registryUrl, Path stateDir) {
        Map<String, Object> config = RiposteStreamsApp.config(Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                "schema.registry.url", registryUrl,
                StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L,
                StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));
        config.keySet().removeIf(k -> k.startsWith("riposte."));
        serdes = RiposteSerdes.registry(config);
        Properties props = new Properties();
        props.putAll(config);
        props.put(DeadLetteringDeserializationExceptionHandler.COUNTERS_CONFIG, counters);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, CapturingDeserializationHandler.class.getName());
        ttd = new TopologyTestDriver(
                RiposteTopology.build(config, Extractors.standard(), CorrelatorFactory.standard(), serdes, counters), props);
    }

    /**
     * Records Kafka's deserialization handler let pass (its {@code dropped-records-total}, which counts a
     * resumed record whether or not the handler dead-lettered it).
     */
    double droppedRecords() {
        return ttd.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("dropped-records-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }

    @Override
    public void close() {
        try {
            ttd.close();
        } finally {
            serdes.close();
        }
    }
}
