package io.riposte.cli;

import io.riposte.cli.config.ClusterCheck;
import io.riposte.cli.config.RiposteConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The connection options every command that talks to Kafka shares (a picocli mixin). */
public class ClientOptions {
    @Option(names = {"--config", "--command-config"}, paramLabel = "FILE",
            description = "Properties file with Kafka client, Streams and registry settings (default: $RIPOSTE_CONFIG); "
                    + "--command-config is the name Kafka's own tools use.")
    Path config;

    @Option(names = {"--bootstrap-server", "--bootstrap-servers", "-b"}, paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers, as Kafka's tools name the flag (--bootstrap-servers and -b also work; "
                    + "default: $RIPOSTE_BOOTSTRAP_SERVERS, or bootstrap.servers in --config).")
    String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL",
            description = "Schema registry base URL, may carry a path such as /apis/ccompat/v7 "
                    + "(default: $RIPOSTE_SCHEMA_REGISTRY_URL, or schema.registry.url in --config).")
    String registryUrl;

    @Option(names = "-X", paramLabel = "KEY=VALUE",
            description = "Any Kafka client, Streams or registry property, e.g. -X security.protocol=SASL_SSL (repeatable; wins over everything).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--create-topics",
            description = "Create Riposte's topics (partitions and configs from the catalogue) when missing, before starting.")
    boolean createTopics;

    /** Creates the catalogue's missing topics when {@code --create-topics} was given. */
    public void ensureTopics(Map<String, Object> config) {
        if (createTopics) {
            Map<String, Object> admin = new java.util.HashMap<>();
            config.forEach((k, v) -> {
                if (!k.startsWith("schema.registry.")) {
                    admin.put(k, v);
                }
            });
            List<String> created = io.riposte.topics.TopicAdmin.createAll(admin, java.time.Duration.ofSeconds(30));
            if (!created.isEmpty()) {
                System.err.println("created topics " + created);
            }
        }
    }

    /** The merged configuration: file, then environment, then flags. */
    public Map<String, Object> resolve() {
        return resolve(System.getenv());
    }

    Map<String, Object> resolve(Map<String, String> env) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put(RiposteConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        flags.put(RiposteConfig.REGISTRY_URL, registryUrl);
        for (String kv : overrides) {
            Map.Entry<String, String> e = RiposteConfig.parseOverride(kv);
            flags.put(e.getKey(), e.getValue());
        }
        return RiposteConfig.resolve(config, env, flags);
    }

    /**
     * As {@link #resolve()}, failing clearly when the broker or the registry is not configured, and when a broker
     * that listens refuses the client's security settings ({@link ClusterCheck}).
     */
    public Map<String, Object> resolveRequired() {
        Map<String, Object> c = resolve();
        if (c.get(RiposteConfig.BOOTSTRAP_SERVERS) == null) {
            throw new RiposteConfig.ConfigException("no Kafka bootstrap servers: use --bootstrap-server, "
                    + "RIPOSTE_BOOTSTRAP_SERVERS or bootstrap.servers in --config");
        }
        if (c.get(RiposteConfig.REGISTRY_URL) == null) {
            throw new RiposteConfig.ConfigException("no schema registry URL: use --registry-url, "
                    + "RIPOSTE_SCHEMA_REGISTRY_URL or schema.registry.url in --config");
        }
        ClusterCheck.securityMatches(c);
        return c;
    }
}
