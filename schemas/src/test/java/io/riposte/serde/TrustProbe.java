package io.riposte.serde;

import io.riposte.avro.Article;
import io.riposte.registry.FakeRegistry;
import io.riposte.registry.RegistryConfig;
import java.util.Map;

/**
 * Run in a JVM launched WITHOUT -Dorg.apache.avro.SERIALIZABLE_PACKAGES by {@link AvroTrustTest}:
 * proves the flag is absent (a plain specific read is refused), then round-trips through the serde.
 */
public final class TrustProbe {
    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") != null) {
            System.out.println("FLAG-PRESENT");
            System.exit(2);
        }
        Article article = SerdeTestSupport.article("trust");
        try {
            article.toByteBuffer(); // Avro's own path: refused without the flag
            System.out.println("NOT-REFUSED-WITHOUT-FLAG");
        } catch (SecurityException expected) {
            System.out.println("REFUSED-WITHOUT-FLAG");
        }
        try (FakeRegistry registry = new FakeRegistry("");
                var serde = new SpecificAvroSerde<>(Article.class)) {
            serde.configure(Map.of(RegistryConfig.URL, registry.url()), false);
            Article back = serde.deserializer().deserialize("articles", serde.serializer().serialize("articles", article));
            System.out.println(article.equals(back) ? "ROUND-TRIP-OK" : "ROUND-TRIP-DIFFERENT");
        }
    }
}
