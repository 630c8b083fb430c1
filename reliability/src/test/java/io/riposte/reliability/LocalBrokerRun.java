package io.riposte.reliability;

import io.riposte.local.LocalBroker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A run on the separate-process local broker and registry ({@code riposte local}), stopped after each test. */
abstract class LocalBrokerRun {
    /** How long {@code local up} may take under load. */
    static final Duration UP = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    LocalBroker local;
    /** Set by {@link #startLocal()}. */
    String bootstrap;
    /** Set by {@link #startLocal()}: the real registry. */
    String registry;

    /** Starts the local broker and registry on free ports under the test's directory. */
    void startLocal() {
        local = new LocalBroker(LocalBroker.Settings.onFreePorts(dir.resolve("broker")));
        LocalBroker.Settings ports = local.up(UP).settings();
        bootstrap = ports.bootstrapServers();
        registry = ports.registryUrl();
    }

    @AfterEach
    void stopBroker() {
        if (local != null) {
            local.down(Duration.ofSeconds(30));
        }
    }
}
