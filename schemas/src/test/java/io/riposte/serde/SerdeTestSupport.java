package io.riposte.serde;

import io.riposte.avro.Article;
import io.riposte.avro.DatePrecision;
import java.time.Instant;

final class SerdeTestSupport {
    private SerdeTestSupport() {}

    static Article article(String id) {
        return Article.newBuilder()
                .setId(id)
                .setOrigin("test")
                .setUrl("https://example.org/" + id)
                .setTitle("Title " + id)
                .setBody("Body of " + id)
                .setPublished(Instant.parse("2024-03-01T10:00:00Z"))
                .setPublishedPrecision(DatePrecision.DAY)
                .setIngestedAt(Instant.parse("2024-03-02T00:00:00Z"))
                .build();
    }
}
