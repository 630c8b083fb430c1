package io.riposte.serde;

import io.riposte.registry.HttpSchemaRegistryClient;
import io.riposte.registry.RegistryConfig;
import io.riposte.registry.SchemaRegistryClient;
import io.riposte.registry.SubjectNameStrategy;
import java.util.Map;

/** Serde configuration keys (Confluent's names) and their parsing. */
public final class SerdeConfig {
    /** Register the record's schema on first use (default true); else look it up and fail if absent. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /**
     * Write with the id of the subject's latest version (default false). The record's schema must then equal
     * that latest schema: Riposte writes its own generated classes, so a mismatch is a deployment error.
     */
    public static final String USE_LATEST_VERSION = "use.latest.version";

    /**
     * How long one serialize or deserialize call waits for a registry that does not answer (Riposte's;
     * default 60 s) before it throws {@link RegistryUnavailableException}. Keep it below the consumer's
     * {@code max.poll.interval.ms} (300 s by default), or a waiting thread loses its partitions.
     */
    public static final String OUTAGE_WAIT_MS = "schema.registry.outage.wait.ms";

    final SchemaRegistryClient client;
    final SubjectNameStrategy strategy;
    final boolean autoRegister;
    final boolean useLatestVersion;
    final long outageWaitMs;

    private SerdeConfig(SchemaRegistryClient client, SubjectNameStrategy strategy, boolean autoRegister,
            boolean useLatestVersion, long outageWaitMs) {
        this.client = client;
        this.strategy = strategy;
        this.autoRegister = autoRegister;
        this.useLatestVersion = useLatestVersion;
        this.outageWaitMs = outageWaitMs;
    }

    /** Parses {@code configs}; uses {@code client} when non-null, else builds an HTTP client from them. */
    static SerdeConfig of(Map<String, ?> configs, boolean isKey, SchemaRegistryClient client) {
        SchemaRegistryClient c = client;
        if (c == null) {
            if (configs.get(RegistryConfig.URL) == null) {
                throw new IllegalArgumentException("Missing " + RegistryConfig.URL + " for the Avro serde");
            }
            c = new HttpSchemaRegistryClient(configs);
        }
        SubjectNameStrategy strategy = SubjectNameStrategy.fromConfig(
                configs.get(isKey ? SubjectNameStrategy.KEY_CONFIG : SubjectNameStrategy.VALUE_CONFIG));
        return new SerdeConfig(c, strategy, flag(configs, AUTO_REGISTER_SCHEMAS, true),
                flag(configs, USE_LATEST_VERSION, false), waitMs(configs));
    }

    private static long waitMs(Map<String, ?> configs) {
        Object v = configs.get(OUTAGE_WAIT_MS);
        if (v == null) {
            return 60_000;
        }
        try {
            long ms = Long.parseLong(v.toString().trim());
            if (ms < 0) {
                throw new NumberFormatException();
            }
            return ms;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(OUTAGE_WAIT_MS + " must be a number of milliseconds >= 0, got '" + v + "'");
        }
    }

    private static boolean flag(Map<String, ?> configs, String key, boolean fallback) {
        Object v = configs.get(key);
        if (v == null) {
            return fallback;
        }
        String s = v.toString().trim();
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + " must be true or false, got '" + s + "'");
    }
}
