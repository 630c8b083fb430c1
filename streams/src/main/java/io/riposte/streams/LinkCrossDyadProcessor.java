package io.riposte.streams;

import io.riposte.correlation.CorrelationSettings;
import io.riposte.domain.Action;
import io.riposte.mapping.AvroMapping;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answering dyad's half of a cross-dyad answer ({@link CrossDyadState}): takes a resolution, keyed by the
 * answering dyad, keeps it, and emits again each action of the dyad whose links it changes (what the actions topic
 * shows, kept in {@value RiposteTopology#STORE_ACTIONS_BY_ID}, is the correlator's action with those links added).
 */
final class LinkCrossDyadProcessor implements Processor<String, String, String, Emitted.FromCorrelate> {
    private static final Logger LOG = LoggerFactory.getLogger(LinkCrossDyadProcessor.class);

    private final CorrelationSettings settings;
    private ProcessorContext<String, Emitted.FromCorrelate> context;
    private CrossDyadState state;
    private KeyValueStore<String, Action> actionsById;

    LinkCrossDyadProcessor(CorrelationSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Emitted.FromCorrelate> context) {
        this.context = context;
        this.state = new CrossDyadState(context, settings);
        this.actionsById = context.getStateStore(RiposteTopology.STORE_ACTIONS_BY_ID);
    }

    @Override
    public void process(Record<String, String> record) {
        try {
            state.receive(record.key(), record.value());
        } catch (RuntimeException e) {
            // Only this topology writes the topic, from CrossDyadState.encode: a record it cannot read is a bug, not data.
            LOG.error("Unreadable cross-dyad resolution for dyad {}: {}", record.key(), e.toString());
            throw e;
        }
        for (Action a : state.answering(record.key())) {
            if (!a.equals(actionsById.get(a.id()))) {
                actionsById.put(a.id(), a);
                context.forward(new Record<>(a.id(), new Emitted.ActionChange(AvroMapping.toAvro(a)), record.timestamp()));
            }
        }
    }
}
