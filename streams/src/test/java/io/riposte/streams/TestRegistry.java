package io.riposte.streams;

import io.riposte.local.registry.LocalSchemaRegistry;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-memory local schema registry (served over HTTP on 127.0.0.1) shared by the test classes
 * that use this extension, closed by JUnit when the whole run ends. The serdes reach it through the
 * real HTTP client, as in production.
 */
final class TestRegistry implements BeforeAllCallback {
    private static volatile String url;

    @Override
    public void beforeAll(ExtensionContext context) {
        Holder holder = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class);
        url = holder.registry.url();
    }

    static String url() {
        if (url == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(TestRegistry.class)");
        }
        return url;
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory(0);

        @Override
        public void close() {
            registry.close();
        }
    }
}
