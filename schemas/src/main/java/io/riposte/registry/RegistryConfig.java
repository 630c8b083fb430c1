package io.riposte.registry;

import java.time.Duration;
import java.util.Map;

/** Configuration keys of the registry client, named as Confluent's where Confluent has one. */
public final class RegistryConfig {
    private RegistryConfig() {}

    /** One base URL or several, comma-separated; may carry a path (Apicurio: {@code .../apis/ccompat/v7}). */
    public static final String URL = "schema.registry.url";
    /** {@code USER_INFO} (uses {@link #BASIC_AUTH_USER_INFO}) or {@code URL} (user info of the URL). */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password}. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** A static bearer token sent as {@code Authorization: Bearer <token>}. */
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    /** Per-request timeout in ms (Riposte's; default 10000). */
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    /** Retries after an I/O error or 5xx (Riposte's; default 3). */
    public static final String MAX_RETRIES = "schema.registry.max.retries";
    /** First retry back-off in ms, doubled each retry (Riposte's; default 200). */
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    /** Bound of the id -> schema cache (Riposte's; default 1000). */
    public static final String CACHE_CAPACITY = "schema.registry.cache.capacity";
    /**
     * How long an id the registry says does not exist is remembered (default 30 s), so a stream of
     * records with a bogus schema id costs one request, not one per record.
     */
    public static final String MISSING_ID_CACHE_MS = "schema.registry.missing.id.cache.ms";

    static String string(Map<String, ?> configs, String key, String fallback) {
        Object v = configs.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof org.apache.kafka.common.config.types.Password p) {
            return p.value();
        }
        String s = v.toString().trim();
        return s.isEmpty() ? fallback : s;
    }

    static long number(Map<String, ?> configs, String key, long fallback) {
        String s = string(configs, key, null);
        if (s == null) {
            return fallback;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + s + "'");
        }
    }

    static Duration millis(Map<String, ?> configs, String key, long fallback) {
        return Duration.ofMillis(number(configs, key, fallback));
    }
}
