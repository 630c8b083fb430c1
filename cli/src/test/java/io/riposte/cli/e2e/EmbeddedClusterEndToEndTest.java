package io.riposte.cli.e2e;

import io.riposte.local.EmbeddedCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walking skeleton on a real in-process KRaft broker and the local registry over HTTP. */
class EmbeddedClusterEndToEndTest {
    static EmbeddedCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = EmbeddedCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void sampleArticlesBecomeChainsAlertsAndOneDyadRecordPerDyad(@TempDir Path state) throws Exception {
        PipelineScenario.run(cluster.bootstrapServers(), cluster.registryUrl(), state);
    }
}
