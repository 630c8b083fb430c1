package io.riposte.cli.e2e;

import io.riposte.local.EmbeddedCluster;
import io.riposte.local.junit.EmbeddedClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One in-process broker and local registry per test class (a start costs seconds). */
abstract class ClusterTest {
    @RegisterExtension
    static final EmbeddedClusterExtension CLUSTER = new EmbeddedClusterExtension();
    static EmbeddedCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = CLUSTER.cluster();
    }
}
