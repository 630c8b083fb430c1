package io.riposte.local.junit;

import io.riposte.local.EmbeddedCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process broker and local registry per test class, the way every module's cluster tests share
 * them (a start costs seconds): register it as a static field,
 * {@code @RegisterExtension static final EmbeddedClusterExtension CLUSTER = new EmbeddedClusterExtension();},
 * and ask {@link #cluster()} in tests or in {@code @BeforeAll} methods, which run after it started.
 */
public final class EmbeddedClusterExtension implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = EmbeddedCluster.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** The running cluster of the current test class. */
    public EmbeddedCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the embedded cluster runs only between the test class's beforeAll and afterAll");
        }
        return cluster;
    }
}
