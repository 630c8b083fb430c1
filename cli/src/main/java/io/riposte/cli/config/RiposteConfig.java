package io.riposte.cli.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The client configuration every Riposte app runs with, merged from three layers so the same jar
 * works on a laptop, in docker-compose and against a secured cluster:
 *
 * <ol>
 *   <li>a properties file ({@code --config FILE}, or {@code RIPOSTE_CONFIG}): any Kafka client,
 *       Streams or registry property, e.g. {@code security.protocol=SASL_SSL};
 *   <li>environment variables: {@code RIPOSTE_BOOTSTRAP_SERVERS}, {@code RIPOSTE_SCHEMA_REGISTRY_URL}
 *       and {@code RIPOSTE_KAFKA_<PROP>} named as the apache/kafka image names broker properties
 *       ({@link #propertyName});
 *   <li>flags: {@code --bootstrap-server}, {@code --registry-url}, {@code -X key=value}.
 * </ol>
 *
 * Later layers win. Everything passes through untouched to the Kafka clients and the serde, which
 * ignore what they do not know.
 */
public final class RiposteConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String REGISTRY_URL = "schema.registry.url";
    public static final String ENV_PREFIX = "RIPOSTE_KAFKA_";
    public static final String ENV_BOOTSTRAP = "RIPOSTE_BOOTSTRAP_SERVERS";
    public static final String ENV_REGISTRY = "RIPOSTE_SCHEMA_REGISTRY_URL";
    public static final String ENV_CONFIG_FILE = "RIPOSTE_CONFIG";

    private RiposteConfig() {}

    /**
     * Merges the layers.
     *
     * @param file the properties file, or null (then {@code RIPOSTE_CONFIG} is used when set)
     * @param env the environment, usually {@code System.getenv()}
     * @param flags the flag values (already as property names), which win
     */
    public static Map<String, Object> resolve(Path file, Map<String, String> env, Map<String, String> flags) {
        Map<String, Object> merged = new TreeMap<>();
        Path configFile = file;
        if (configFile == null && env.get(ENV_CONFIG_FILE) != null && !env.get(ENV_CONFIG_FILE).isBlank()) {
            configFile = Path.of(env.get(ENV_CONFIG_FILE));
        }
        if (configFile != null) {
            merged.putAll(load(configFile));
        }
        merged.putAll(fromEnv(env));
        flags.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return merged;
    }

    /** Reads a properties file; a missing or unreadable file is a clear error, never an empty config. */
    public static Map<String, Object> load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file not found: " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file.toAbsolutePath() + ": " + e);
        }
        Map<String, Object> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k.trim(), p.getProperty(k).trim()));
        return m;
    }

    /** The properties the environment sets; unrelated variables are ignored. */
    public static Map<String, Object> fromEnv(Map<String, String> env) {
        Map<String, Object> m = new TreeMap<>();
        env.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            if (k.equals(ENV_BOOTSTRAP)) {
                m.put(BOOTSTRAP_SERVERS, v);
            } else if (k.equals(ENV_REGISTRY)) {
                m.put(REGISTRY_URL, v);
            } else if (k.startsWith(ENV_PREFIX) && k.length() > ENV_PREFIX.length()) {
                m.put(propertyName(k.substring(ENV_PREFIX.length())), v);
            }
        });
        return m;
    }

    /**
     * The property an environment suffix names, by the apache/kafka image's rule (its
     * {@code KafkaDockerWrapper}), so that one convention covers the broker and the apps: lower case,
     * then {@code _} -> {@code .}, {@code ___} -> {@code -}, {@code __} -> {@code _}. So
     * {@code SASL_JAAS_CONFIG} -> {@code sasl.jaas.config}, {@code RIPOSTE_TOPIC_PREFIX} ->
     * {@code riposte.topic.prefix}, {@code A__B} -> {@code a_b}, {@code A___B} -> {@code a-b}. Names
     * with single underscores mean what they meant before this rule.
     */
    public static String propertyName(String envSuffix) {
        return envSuffix.toLowerCase(Locale.ROOT).replace("_", ".").replace("...", "-").replace("..", "_");
    }

    /** Parses one {@code -X key=value} flag. */
    public static Map.Entry<String, String> parseOverride(String kv) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("-X expects key=value, got '" + kv + "'");
        }
        return Map.entry(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
    }

    /** A copy safe to print: passwords, secrets and JAAS configs masked. */
    public static Map<String, Object> redacted(Map<String, Object> config) {
        Map<String, Object> m = new TreeMap<>();
        config.forEach((k, v) -> {
            String lk = k.toLowerCase(Locale.ROOT);
            boolean secret = lk.contains("password") || lk.contains("secret") || lk.contains("jaas")
                    || lk.contains("user.info") || lk.contains("token");
            m.put(k, secret ? "[hidden]" : v);
        });
        return m;
    }

    /** A configuration problem the user must fix; its message is printed as is. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
