package io.riposte.config;

import java.util.HashMap;
import java.util.Map;

/**
 * One layered configuration feeds every client of Riposte (producer, consumers, admin, serdes), so it holds
 * keys that a given Kafka client does not know: the registry serde's, Riposte's own and the Streams-only
 * ones. Kafka logs a warning for each unknown key, so the plain clients get them filtered out here.
 */
public final class KafkaClientConfig {
    private KafkaClientConfig() {}

    /** The properties a plain producer, consumer or admin client understands: {@code config} less the registry's, Riposte's and Streams' keys. */
    public static Map<String, Object> kafkaOnly(Map<String, ?> config) {
        Map<String, Object> p = new HashMap<>();
        config.forEach((k, v) -> {
            if (!isRegistryKey(k) && !k.startsWith("riposte.") && !k.startsWith("application.") && !k.equals("state.dir")) {
                p.put(k, v);
            }
        });
        return p;
    }

    private static boolean isRegistryKey(String k) {
        return k.startsWith("schema.registry.") || k.startsWith("basic.auth.") || k.startsWith("bearer.auth.")
                || k.endsWith(".subject.name.strategy") || k.equals("auto.register.schemas") || k.equals("use.latest.version");
    }
}
