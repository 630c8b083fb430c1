package io.riposte.local;

import io.riposte.local.registry.LocalSchemaRegistry;
import java.util.concurrent.CountDownLatch;

/**
 * The local schema registry as its own process, for {@code riposte local up}:
 * {@code RegistryMain --bootstrap-servers 127.0.0.1:9092 --port 8081}. Runs until SIGTERM.
 */
public final class RegistryMain {
    private RegistryMain() {}

    public static void main(String[] args) throws InterruptedException {
        String bootstrap = null;
        int port = LocalBroker.DEFAULT_REGISTRY_PORT;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("Unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (bootstrap == null) {
            System.err.println("Usage: RegistryMain --bootstrap-servers HOST:PORT [--port PORT]");
            System.exit(2);
        }
        LocalSchemaRegistry registry = LocalSchemaRegistry.onKafka(bootstrap, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            stopped.countDown();
        }, "registry-shutdown"));
        System.out.println("Schema registry listening on " + registry.url() + ", schemas in topic _schemas on " + bootstrap);
        stopped.await();
    }
}
