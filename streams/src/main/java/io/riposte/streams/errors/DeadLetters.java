package io.riposte.streams.errors;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Headers of the dead letters the topology writes itself.
 *
 * <p>Topic, partition, offset, exception and message use the names of Kafka's built-in handlers
 * ({@code __streams.errors.*}), so one reader understands both kinds of dead letter; but here they
 * always name the <em>article</em> record, also after the repartition, where the built-in handler
 * would name the intermediate by-dyad record. The {@code riposte.*} headers add the reason and the
 * article's identity. All values are UTF-8 strings.
 */
public final class DeadLetters {
    private DeadLetters() {}

    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    /** Why the record was dead-lettered, for a person. */
    public static final String REASON = "riposte.error.reason";
    /** Which step failed: {@code deserialize}, {@code extract} or {@code correlate}. */
    public static final String STAGE = "riposte.error.stage";
    public static final String ARTICLE_ID = "riposte.article.id";
    public static final String ARTICLE_ORIGIN = "riposte.article.origin";
    /** The topic the dead letter's value bytes were written for (their schema subject). */
    public static final String VALUE_TOPIC = "riposte.value.topic";

    /** Where the article record was read; null parts are left out of the headers. */
    public record Provenance(String topic, Integer partition, Long offset) {}

    public static Headers headers(String stage, String reason, Throwable error, String articleId, String origin,
            Provenance where, String valueTopic) {
        Headers h = new RecordHeaders();
        add(h, STAGE, stage);
        add(h, REASON, reason);
        add(h, ARTICLE_ID, articleId);
        add(h, ARTICLE_ORIGIN, origin);
        if (where != null) {
            add(h, TOPIC, where.topic());
            add(h, PARTITION, where.partition() == null ? null : String.valueOf(where.partition()));
            add(h, OFFSET, where.offset() == null ? null : String.valueOf(where.offset()));
        }
        if (error != null) {
            add(h, EXCEPTION, error.getClass().getName());
            add(h, MESSAGE, String.valueOf(error.getMessage()));
        }
        add(h, VALUE_TOPIC, valueTopic);
        return h;
    }

    /**
     * Adds Riposte's headers to a dead letter Kafka's handler utilities built (which already carry the
     * {@code __streams.errors.*} provenance of the raw record).
     */
    public static void addRiposteHeaders(Headers h, String stage, String reason, String articleId, String valueTopic) {
        add(h, STAGE, stage);
        add(h, REASON, reason);
        add(h, ARTICLE_ID, articleId);
        add(h, VALUE_TOPIC, valueTopic);
    }

    /** The last value of a header as a string, or null. */
    public static String header(Headers headers, String name) {
        var h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers h, String name, String value) {
        if (value != null) {
            h.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
