package io.riposte.local;

import io.riposte.local.registry.LocalSchemaRegistry;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The local schema registry as its own process, for {@code riposte local up}:
 * {@code RegistryMain --bootstrap-servers 127.0.0.1:9092 --port 8081 [--config client.properties]}, where the
 * optional properties file holds Kafka client settings for a secured cluster (the registry's own SASL user).
 * Runs until SIGTERM.
 */
public final class RegistryMain {
    private RegistryMain() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        String bootstrap = null;
        Path config = null;
        int port = LocalBroker.DEFAULT_REGISTRY_PORT;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--config" -> config = Path.of(args[i + 1]);
                default -> {
                    System.err.println("Unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (bootstrap == null) {
            System.err.println("Usage: RegistryMain --bootstrap-servers HOST:PORT [--port PORT] [--config FILE]");
            System.exit(2);
        }
        Map<String, Object> client = new HashMap<>();
        if (config != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(k -> client.put(k, p.getProperty(k)));
        }
        client.put("bootstrap.servers", bootstrap);
        client.remove("schema.registry.url");
        LocalSchemaRegistry registry = LocalSchemaRegistry.onKafka(client, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            stopped.countDown();
        }, "registry-shutdown"));
        System.out.println("Schema registry listening on " + registry.url() + ", schemas in topic _schemas on " + bootstrap);
        stopped.await();
    }
}
