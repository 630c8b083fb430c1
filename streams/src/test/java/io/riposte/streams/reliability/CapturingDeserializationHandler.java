package io.riposte.streams.reliability;

import io.riposte.streams.errors.DeadLetteringDeserializationExceptionHandler;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * The app's deserialization handler, keeping the dead letters it hands to Kafka: TopologyTestDriver
 * does not write a handler's dead letters to its output topics (measured with 4.3.1: none for two
 * unreadable records), so the driver-based tests read them here. {@code EmbeddedClusterTest} shows
 * they reach the topic on a real cluster.
 */
public class CapturingDeserializationHandler extends DeadLetteringDeserializationExceptionHandler {
    static final ConcurrentLinkedQueue<ProducerRecord<byte[], byte[]>> LETTERS = new ConcurrentLinkedQueue<>();

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        Response r = super.handleError(context, record, exception);
        LETTERS.addAll(r.deadLetterQueueRecords());
        return r;
    }

    static List<ProducerRecord<byte[], byte[]>> drain() {
        List<ProducerRecord<byte[], byte[]>> out = List.copyOf(LETTERS);
        LETTERS.clear();
        return out;
    }
}
