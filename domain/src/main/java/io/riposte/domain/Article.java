package io.riposte.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A news article as the pipeline sees it.
 *
 * @param id stable id: derived from the URL when there is one, else from the content
 * @param origin where it came from: a file name, a URL or a feed entry id; what evaluation reports
 * @param published publication time, or null when unknown
 * @param publishedPrecision how much of {@code published} is known (UNKNOWN when null)
 * @param ingestedAt when the producer read it
 */
public record Article(
        String id,
        String origin,
        String url,
        String title,
        String body,
        Instant published,
        DatePrecision publishedPrecision,
        String outlet,
        String language,
        Instant ingestedAt) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        publishedPrecision = published == null ? DatePrecision.UNKNOWN : Objects.requireNonNull(publishedPrecision);
    }

    /** The text extraction reads and evidence offsets point into: title, blank line, body. */
    public String text() {
        return title.isEmpty() ? body : body.isEmpty() ? title : title + "\n\n" + body;
    }

    /** The publication day in UTC, or null when unknown. */
    public LocalDate publishedDate() {
        return published == null ? null : LocalDate.ofInstant(published, ZoneOffset.UTC);
    }
}
