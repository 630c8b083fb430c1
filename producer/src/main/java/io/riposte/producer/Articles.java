package io.riposte.producer;

import io.riposte.domain.Article;

/** How an article becomes a record on the {@code articles} topic (its Avro form: {@code AvroMapping}). */
public final class Articles {
    private Articles() {}

    /** Event time for the record: publication time, or ingestion time when the article gives none. */
    public static long timestamp(Article a) {
        return (a.published() != null ? a.published() : a.ingestedAt()).toEpochMilli();
    }
}
