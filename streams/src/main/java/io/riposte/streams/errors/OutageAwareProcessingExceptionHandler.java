package io.riposte.streams.errors;

import io.riposte.serde.RegistryUnavailableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Kafka's log-and-continue (with its dead letter), except for a registry outage: that is not the
 * record's fault, so the task fails and the record is processed again once the registry answers.
 */
public class OutageAwareProcessingExceptionHandler extends LogAndContinueProcessingExceptionHandler {
    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (RegistryUnavailableException.in(exception)) {
            return Response.fail();
        }
        return super.handleError(context, record, exception);
    }
}
