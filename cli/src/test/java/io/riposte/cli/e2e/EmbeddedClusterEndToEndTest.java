package io.riposte.cli.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walking skeleton on a real in-process KRaft broker and the local registry over HTTP. */
class EmbeddedClusterEndToEndTest extends ClusterTest {
    @Test
    void sampleArticlesBecomeChainsAlertsAndOneDyadRecordPerDyad(@TempDir Path state) throws Exception {
        PipelineScenario.run(cluster.bootstrapServers(), cluster.registryUrl(), state);
    }
}
