package io.riposte.cli.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton on a real in-process KRaft broker and the local registry over HTTP, as a deployment
 * with {@code riposte.topic.prefix=t1.}: it must write nothing outside {@code t1.*}.
 */
class EmbeddedClusterEndToEndTest extends ClusterTest {
    @Test
    void sampleArticlesBecomeChainsAlertsAndOneDyadRecordPerDyad(@TempDir Path state) throws Exception {
        PipelineScenario.run(cluster.bootstrapServers(), cluster.registryUrl(), state, "t1.");
    }
}
