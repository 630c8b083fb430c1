package io.riposte.streams;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riposte.extraction.Extractor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Finds the real extraction engine for the tests. The streams module only depends on the
 * {@link Extractor} contract; the engine is written concurrently, so tests that need it skip with a
 * message until it is on the classpath, and then run against it (never against a stand-in).
 */
final class Upstream {
    private Upstream() {}

    private static final List<String> CANDIDATES = List.of(
            "io.riposte.extraction.Extractors",
            "io.riposte.extraction.ExtractionEngine",
            "io.riposte.extraction.RuleExtractor",
            "io.riposte.extraction.DefaultExtractor",
            "io.riposte.extraction.engine.ExtractionEngine",
            "io.riposte.extraction.StandardExtractor");

    private static volatile Extractor extractor;

    static synchronized Extractor extractor() {
        if (extractor == null) {
            extractor = find();
        }
        assumeTrue(extractor != null, "the extraction engine is not on the classpath yet (looked for " + CANDIDATES + ")");
        return extractor;
    }

    private static Extractor find() {
        for (String name : CANDIDATES) {
            Class<?> c;
            try {
                c = Class.forName(name);
            } catch (ClassNotFoundException e) {
                continue;
            }
            try {
                for (Method m : c.getMethods()) {
                    if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && Extractor.class.isAssignableFrom(m.getReturnType())) {
                        return (Extractor) m.invoke(null);
                    }
                }
                if (Extractor.class.isAssignableFrom(c)) {
                    return (Extractor) c.getConstructor().newInstance();
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create the extraction engine from " + name, e);
            }
        }
        return null;
    }
}
