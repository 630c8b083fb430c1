package io.riposte.streams.errors;

import io.riposte.serde.RegistryUnavailableException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka 4.3 has log-and-continue handlers for deserialization and processing but not for
 * production. A record that cannot be serialized (a registry refusal, a mapping bug) is one bad
 * record: it goes to the dead-letter topic and processing resumes. A registry that does not answer
 * is not about the record (the serde has waited for it already): the task fails and the record is
 * produced again once the registry is back. A failed send is not about the record either: under
 * exactly-once the transaction aborts anyway, so it keeps Kafka's default (fail).
 */
public class DeadLetteringProductionExceptionHandler extends DefaultProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringProductionExceptionHandler.class);
    private String deadLetterTopic;

    @Override
    public void configure(java.util.Map<String, ?> configs) {
        super.configure(configs);
        Object t = configs.get("errors.dead.letter.queue.topic.name");
        deadLetterTopic = t == null ? null : t.toString();
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        if (RegistryUnavailableException.in(exception)) {
            return Response.fail();
        }
        LOG.warn("Cannot serialize the {} of a record for {} (from {}-{}@{}): dead-lettering it and going on",
                origin, record.topic(), context.topic(), context.partition(), context.offset(), exception);
        return Response.resume(ExceptionHandlerUtils.maybeBuildDeadLetterQueueRecords(
                deadLetterTopic, context.sourceRawKey(), context.sourceRawValue(), context, exception));
    }
}
