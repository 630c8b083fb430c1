package io.riposte.streams;

import io.riposte.avro.ActionMention;
import io.riposte.avro.Provenance;
import io.riposte.domain.Article;
import io.riposte.domain.ExtractedAction;
import io.riposte.extraction.ExtractionResult;
import io.riposte.extraction.Extractor;
import io.riposte.streams.errors.DeadLetters;
import io.riposte.mapping.AvroMapping;
import org.apache.kafka.common.header.internals.RecordHeaders;
import io.riposte.serde.RegistryUnavailableException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs extraction on one article. Each action goes on as a mention that carries the article's
 * provenance, so a later failure can still name the article; a rejected article, or one that
 * cannot be mapped or extracted, becomes a dead letter with the reason. An article that reports
 * nothing is processed and yields nothing.
 */
final class ExtractProcessor implements Processor<String, io.riposte.avro.Article, String, Emitted.FromExtract> {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractProcessor.class);

    private final Extractor extractor;
    private final Serializer<io.riposte.avro.Article> articleSerializer;
    private final StreamsCounters counters;
    private ProcessorContext<String, Emitted.FromExtract> context;

    ExtractProcessor(Extractor extractor, Serializer<io.riposte.avro.Article> articleSerializer, StreamsCounters counters) {
        this.extractor = extractor;
        this.articleSerializer = articleSerializer;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, Emitted.FromExtract> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, io.riposte.avro.Article> record) {
        counters.articlesProcessed.incrementAndGet();
        RecordMetadata meta = context.recordMetadata().orElse(null);
        Provenance where = meta == null ? null : new Provenance(meta.topic(), meta.partition(), meta.offset());
        io.riposte.avro.Article value = record.value();
        if (value == null) {
            deadLetter(record, null, "no article in the record (null value)", null, where);
            return;
        }
        ExtractionResult result;
        try {
            Article article = AvroMapping.toDomain(value);
            result = extractor.extract(article);
            if (result.status() == ExtractionResult.Status.EXTRACTED) {
                // Map everything before forwarding anything: an article either goes on whole or is dead-lettered.
                var mentions = result.actions().stream().map(a -> AvroMapping.toAvro(a, where)).toList();
                for (ActionMention m : mentions) {
                    context.forward(new Record<>(article.id(), new Emitted.Mention(m), record.timestamp(), new RecordHeaders()));
                }
                counters.actionsExtracted.addAndGet(mentions.size());
                return;
            }
        } catch (RuntimeException e) {
            LOG.warn("Extraction failed for article {} ({}): dead-lettering it", value.getId(), value.getOrigin(), e);
            deadLetter(record, value, "extraction failed: " + e, e, where);
            return;
        }
        if (result.status() == ExtractionResult.Status.REJECTED) {
            deadLetter(record, value, "rejected by extraction: " + result.reason(), null, where);
        }
        // NOTHING_FOUND: a readable article with no action is processed, not an error.
    }

    private void deadLetter(Record<String, io.riposte.avro.Article> record, io.riposte.avro.Article value, String reason,
            Throwable error, Provenance where) {
        String topic = where == null ? null : where.getTopic();
        byte[] raw = null;
        if (value != null) {
            try {
                // The same bytes a producer would have written for this article (same schema, same id).
                raw = articleSerializer.serialize(topic, value);
            } catch (RuntimeException e) {
                if (RegistryUnavailableException.in(e)) {
                    throw e; // not the record's fault: fail the task so the record is processed again, whole
                }
                LOG.warn("Cannot re-serialize dead-lettered article {}; its headers still identify it", value.getId(), e);
            }
        }
        String articleId = value != null ? value.getId() : record.key();
        String origin = value != null ? value.getOrigin() : null;
        var headers = DeadLetters.headers("extract", reason, error, articleId, origin,
                where == null ? null : new DeadLetters.Provenance(where.getTopic(), where.getPartition(), where.getOffset()),
                raw == null ? null : topic);
        counters.deadLettered.incrementAndGet();
        context.forward(new Record<>(articleId, new Emitted.DeadLetter(raw), record.timestamp(), headers));
    }
}
