package io.riposte.local.junit;

import io.riposte.local.EmbeddedCluster;
import io.riposte.local.Security;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process broker and local registry per test class, the way every module's cluster tests share
 * them (a start costs seconds): register it as a static field,
 * {@code @RegisterExtension static final EmbeddedClusterExtension CLUSTER = new EmbeddedClusterExtension();},
 * and ask {@link #cluster()} in tests or in {@code @BeforeAll} methods, which run after it started
 * ({@code @AfterAll} methods run before it stops).
 */
public final class EmbeddedClusterExtension implements BeforeAllCallback, AfterAllCallback {
    private final Security security;
    private EmbeddedCluster cluster;

    /** An unsecured cluster. */
    public EmbeddedClusterExtension() {
        this(Security.none());
    }

    /** A cluster secured as {@link EmbeddedCluster#start(Security)} says. */
    public EmbeddedClusterExtension(Security security) {
        this.security = security;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = EmbeddedCluster.start(security);
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
