package io.riposte.producer;

import io.riposte.domain.Article;

/** Converts the domain article to its Avro form on the {@code articles} topic. */
public final class Articles {
    private Articles() {}

    public static io.riposte.avro.Article toAvro(Article a) {
        return io.riposte.avro.Article.newBuilder()
                .setId(a.id())
                .setOrigin(a.origin())
                .setUrl(a.url())
                .setTitle(a.title())
                .setBody(a.body())
                .setPublished(a.published())
                .setPublishedPrecision(io.riposte.avro.DatePrecision.valueOf(a.publishedPrecision().name()))
                .setOutlet(a.outlet())
                .setLanguage(a.language())
                .setIngestedAt(a.ingestedAt())
                .build();
    }

    /** Event time for the record: publication time, or ingestion time when the article gives none. */
    public static long timestamp(Article a) {
        return (a.published() != null ? a.published() : a.ingestedAt()).toEpochMilli();
    }
}
