package io.riposte.streams;

import io.riposte.avro.ActionMention;
import io.riposte.correlation.CorrelationSettings;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answered dyad's half of a cross-dyad answer ({@link CrossDyadState}): takes an answering mention, keyed by the
 * dyad whose act it answers, keeps it and sends back, keyed by the answering dyad, which act of this dyad it names.
 * {@link CorrelateProcessor} sends it again whenever the dyad's actions change.
 */
final class ResolveCrossDyadProcessor implements Processor<String, ActionMention, String, Emitted.FromCorrelate> {
    private static final Logger LOG = LoggerFactory.getLogger(ResolveCrossDyadProcessor.class);

    private final CorrelationSettings settings;
    private ProcessorContext<String, Emitted.FromCorrelate> context;
    private CrossDyadState state;

    ResolveCrossDyadProcessor(CorrelationSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Emitted.FromCorrelate> context) {
        this.context = context;
        this.state = new CrossDyadState(context, settings);
    }

    @Override
    public void process(Record<String, ActionMention> record) {
        if (record.value() == null) {
            return; // the extract stage never sends one; nothing to resolve
        }
        try {
            for (CrossDyadState.Outgoing o : state.subscribe(record.key(), record.value())) {
                context.forward(new Record<>(o.answeringDyad(), new Emitted.CrossDyadResolution(o.value()), record.timestamp()));
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // Bad content only (a store or registry failure propagates, to be waited out): the same mention also
            // reaches correlate on its own dyad, which validates it (the cue's states included) and dead-letters it
            // with its article's provenance; dead-lettering it here too would report one bad record twice.
            LOG.warn("Cross-dyad cue of mention {} (article {}) not resolved: {}", record.value().getId(),
                    record.value().getArticleId(), e.toString());
        }
    }
}
