package io.riposte.streams.errors;

import io.riposte.serde.RegistryUnavailableException;
import io.riposte.streams.StreamsCounters;
import io.riposte.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a bad record from a broken registry. Bytes that are not the wire format, a schema id the
 * registry answered 404 for, or bytes that do not decode with their writer schema are bad data: the
 * raw record goes to the dead-letter topic with Kafka's {@code __streams.errors.*} headers (exception,
 * message, source topic, partition, offset) plus Riposte's stage ({@code deserialize}) and reason, and
 * processing resumes. A registry that does not answer says nothing about the record: the serde has
 * already waited for it (bounded), so the handler fails the stream thread without skipping anything;
 * the app replaces the thread, which starts again from the last committed offset (see
 * {@code RiposteStreamsApp}).
 */
public class DeadLetteringDeserializationExceptionHandler implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringDeserializationExceptionHandler.class);
    /** Config key under which the app hands over its {@link StreamsCounters} (an object, not a string). */
    public static final String COUNTERS_CONFIG = "riposte.streams.counters";
    public static final String STAGE = "deserialize";

    private String deadLetterTopic;
    private StreamsCounters counters;

    @Override
    public void configure(Map<String, ?> configs) {
        Object t = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = t == null ? Topics.DEAD_LETTERS : t.toString();
        counters = configs.get(COUNTERS_CONFIG) instanceof StreamsCounters c ? c : null;
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (RegistryUnavailableException.in(exception)) {
            // Logged once per outage by RegistryHealth; failing here keeps the record for the next attempt.
            return Response.fail();
        }
        LOG.warn("Cannot deserialize {}-{}@{}: dead-lettering it and going on: {}", context.topic(), context.partition(),
                context.offset(), exception.getMessage());
        ProducerRecord<byte[], byte[]> letter = ExceptionHandlerUtils.buildDeadLetterQueueRecord(
                deadLetterTopic, record.key(), record.value(), context, exception);
        DeadLetters.addRiposteHeaders(letter.headers(), STAGE, "cannot deserialize: " + exception.getMessage(),
                record.topic().endsWith(Topics.ARTICLES) && record.key() != null
                        ? new String(record.key(), StandardCharsets.UTF_8) : null,
                record.value() == null ? null : record.topic());
        if (counters != null) {
            counters.countDeadLetter();
        }
        return Response.resume(List.of(letter));
    }
}
