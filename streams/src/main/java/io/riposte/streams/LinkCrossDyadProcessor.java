package io.riposte.streams;

import io.riposte.correlation.CorrelationSettings;
import io.riposte.domain.Action;
import io.riposte.mapping.AvroMapping;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answering dyad's half of a cross-dyad answer ({@link CrossDyadState}): takes a resolution, keyed by the
 * answering dyad, keeps it, and emits again each action of the dyad whose links it changes (what the actions topic
 * shows is the correlator's action with those links added: before the resolution, it was the same with the links
 * received before).
 */
final class LinkCrossDyadProcessor implements Processor<String, String, String, Emitted.FromCorrelate> {
    private static final Logger LOG = LoggerFactory.getLogger(LinkCrossDyadProcessor.class);

    private final CorrelationSettings settings;
    private ProcessorContext<String, Emitted.FromCorrelate> context;
    private CrossDyadState state;

    LinkCrossDyadProcessor(CorrelationSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Emitted.FromCorrelate> context) {
        this.context = context;
        this.state = new CrossDyadState(context, settings, CrossDyadState.storesOf(context));
    }

    @Override
    public void process(Record<String, String> record) {
        List<Action> before = state.answering(record.key());
        try {
            state.receive(record.key(), record.value());
        } catch (RuntimeException e) {
            // Only this topology writes the topic, from CrossDyadState.encode: a record it cannot read is a bug, not data.
            LOG.error("Unreadable cross-dyad resolution for dyad {}: {}", record.key(), e.toString());
            throw e;
        }
        List<Action> after = state.answering(record.key());
        for (int i = 0; i < after.size(); i++) {
            Action a = after.get(i);
            if (!a.equals(before.get(i))) {
                context.forward(new Record<>(a.id(), new Emitted.ActionChange(AvroMapping.toAvro(a)), record.timestamp()));
            }
        }
    }
}
