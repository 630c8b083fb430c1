package io.riposte.streams;

import io.riposte.avro.ActionMention;
import io.riposte.avro.Provenance;
import io.riposte.correlation.CorrelationStores;
import io.riposte.correlation.CorrelationUpdate;
import io.riposte.domain.Action;
import io.riposte.domain.Chain;
import io.riposte.domain.Dyad;
import io.riposte.domain.ExtractedAction;
import io.riposte.streams.errors.DeadLetters;
import io.riposte.mapping.AvroMapping;
import io.riposte.streams.state.BufferedSortedStore;
import io.riposte.streams.state.KeyValueSortedStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import io.riposte.serde.RegistryUnavailableException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds each mention of a dyad to the correlation core and emits what changed: actions and chains
 * in full (tombstones for those that vanished) and new alerts. It also keeps, by id, where the correlation
 * stores hold each action and chain, for interactive queries (a pointer, not a copy: see {@link ShownActions}).
 *
 * <p>A failure here happens after the repartition, where Kafka's built-in dead-letter handler
 * would only name the by-dyad record; so the processor catches it, forgets the step's state writes,
 * and dead-letters the mention with the provenance of its article.
 */
final class CorrelateProcessor implements Processor<String, ActionMention, String, Emitted.FromCorrelate> {
    private static final Logger LOG = LoggerFactory.getLogger(CorrelateProcessor.class);

    private final CorrelatorFactory factory;
    private final Serializer<ActionMention> mentionSerializer;
    private final StreamsCounters counters;
    private ProcessorContext<String, Emitted.FromCorrelate> context;
    /**
     * Index entries whose stored values each task keeps for point reads (see {@link BufferedSortedStore}): a
     * mention's entry is read about 18 times per insert late in a long replay, from a few hundred keys of the
     * episode at hand. About 5 MB per task.
     */
    static final int CACHED_INDEX_READS = 16_384;
    /**
     * Pointers by id each task keeps for the check that a changed action's or a new chain's pointer is already
     * right (most changes of an action leave its key as it was): the pointers of the episodes at hand.
     */
    static final int CACHED_POINTER_READS = 4_096;
    private List<BufferedSortedStore<?>> buffers;
    private Function<ExtractedAction, CorrelationUpdate> correlator;
    private CorrelationStores stores;
    private BufferedSortedStore<Action> actions;
    private BufferedSortedStore<Chain> chains;
    private BufferedSortedStore<String> actionKeys;
    private BufferedSortedStore<String> chainKeys;
    private CrossDyadState crossDyad;

    CorrelateProcessor(CorrelatorFactory factory, Serializer<ActionMention> mentionSerializer, StreamsCounters counters) {
        this.factory = factory;
        this.mentionSerializer = mentionSerializer;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, Emitted.FromCorrelate> context) {
        this.context = context;
        BufferedSortedStore<ExtractedAction> mentions = buffered(context.getStateStore(RiposteTopology.STORE_MENTIONS));
        actions = buffered(context.getStateStore(RiposteTopology.STORE_ACTIONS));
        chains = buffered(context.getStateStore(RiposteTopology.STORE_CHAINS));
        BufferedSortedStore<String> index = new BufferedSortedStore<>(
                new KeyValueSortedStore<>(context.getStateStore(RiposteTopology.STORE_INDEX)), CACHED_INDEX_READS);
        actionKeys = new BufferedSortedStore<>(
                new KeyValueSortedStore<>(context.getStateStore(RiposteTopology.STORE_ACTION_KEYS)), CACHED_POINTER_READS);
        chainKeys = new BufferedSortedStore<>(
                new KeyValueSortedStore<>(context.getStateStore(RiposteTopology.STORE_CHAIN_KEYS)), CACHED_POINTER_READS);
        buffers = List.of(mentions, actions, chains, index, actionKeys, chainKeys);
        stores = new CorrelationStores(mentions, actions, chains, index);
        stores.requireCurrentLayout();
        correlator = factory.create(stores);
        crossDyad = new CrossDyadState(context, factory.settings(), stores);
    }

    private static <V> BufferedSortedStore<V> buffered(KeyValueStore<String, V> store) {
        return new BufferedSortedStore<>(new KeyValueSortedStore<>(store));
    }

    @Override
    public void process(Record<String, ActionMention> record) {
        ActionMention mention = record.value();
        if (mention == null) {
            deadLetter(record, null, "no action mention in the record (null value)", null);
            return;
        }
        List<Record<String, Emitted.FromCorrelate>> out = new ArrayList<>();
        CorrelationUpdate update;
        List<Action> shown;
        Map<String, Action> actionPuts;
        try {
            ExtractedAction action = AvroMapping.toDomain(mention);
            update = correlator.apply(action);
            long ts = record.timestamp();
            String cause = mention.getArticleId();
            // Map every output before writing anything, so a mapping failure leaves no trace either. What the
            // topic shows of an action is the correlator's action with its cross-dyad links (CrossDyadState).
            actionPuts = actions.pendingPuts();
            Map<String, String> keys = new HashMap<>();
            actionPuts.forEach((k, a) -> keys.put(a.id(), k));
            shown = update.actions().stream().map(a -> crossDyad.overlay(keys.get(a.id()), a)).toList();
            for (Action a : shown) {
                out.add(output(a.id(), new Emitted.ActionChange(AvroMapping.toAvro(a)), ts, cause));
            }
            for (String id : update.deletedActions()) {
                out.add(output(id, new Emitted.ActionChange(null), ts, cause));
            }
            for (Chain c : update.chains()) {
                out.add(output(c.id(), new Emitted.ChainChange(AvroMapping.toAvro(c)), ts, cause));
            }
            for (String id : update.deletedChains()) {
                out.add(output(id, new Emitted.ChainChange(null), ts, cause));
            }
            for (var alert : update.alerts()) {
                out.add(output(alert.dyad(), new Emitted.NewAlert(AvroMapping.toAvro(alert)), ts, cause));
            }
        } catch (RuntimeException e) {
            buffers.forEach(BufferedSortedStore::rollback);
            // The correlator's episode cache has taken the step the stores now forget: start from the stores again.
            correlator = factory.create(stores);
            LOG.warn("Correlation failed for mention {} of article {} ({}): dead-lettering it",
                    mention.getId(), mention.getArticleId(), mention.getOrigin(), e);
            deadLetter(record, mention, "correlation failed: " + e, e);
            return;
        }
        // Only an action that appears or moves to another key, or a chain that appears, rewrites its pointer.
        actionPuts.forEach((k, a) -> point(actionKeys, a.id(), k));
        chains.pendingPuts().forEach((k, c) -> point(chainKeys, c.id(), c.dyad()));
        update.deletedActions().forEach(actionKeys::delete);
        update.deletedChains().forEach(chainKeys::delete);
        buffers.forEach(BufferedSortedStore::commit);
        count(mention, update);
        out.forEach(context::forward);
        if (!update.actions().isEmpty() || !update.deletedActions().isEmpty()) {
            // the dyad's actions changed: the cues of other dyads that answer its acts may now name another one
            for (CrossDyadState.Outgoing o : crossDyad.resolveWaiting(Dyad.of(mention.getSource(), mention.getTarget()))) {
                context.forward(output(o.answeringDyad(), new Emitted.CrossDyadResolution(o.value()), record.timestamp(),
                        mention.getArticleId()));
            }
        }
    }

    private static void point(BufferedSortedStore<String> pointers, String id, String key) {
        if (!key.equals(pointers.get(id))) {
            pointers.put(id, key);
        }
    }

    private static Record<String, Emitted.FromCorrelate> output(String key, Emitted.FromCorrelate value, long timestamp, String causeArticleId) {
        // Fresh headers: outputs are new facts, not copies of the article record. One header names the
        // article whose mention caused the output (a NEW_CHAIN alert's own action may be older), so
        // `riposte bench` can time publish -> alert; it is not part of the record's content.
        RecordHeaders headers = new RecordHeaders();
        if (causeArticleId != null) {
            headers.add(DeadLetters.ARTICLE_ID, causeArticleId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new Record<>(key, value, timestamp, headers);
    }

    private void count(ActionMention mention, CorrelationUpdate update) {
        counters.mentionsCorrelated.incrementAndGet();
        boolean merged = update.actions().stream().anyMatch(a ->
                a.evidenceTotal() > mention.getEvidence().size()
                        && a.evidence().stream().anyMatch(e -> e.articleId().equals(mention.getArticleId())));
        if (merged) {
            counters.mergedDuplicates.incrementAndGet();
        }
        counters.chainsUpdated.addAndGet(update.chains().size() + update.deletedChains().size());
        counters.alertsEmitted.addAndGet(update.alerts().size());
    }

    private void deadLetter(Record<String, ActionMention> record, ActionMention mention, String reason, Throwable error) {
        String valueTopic = context.recordMetadata().map(m -> m.topic()).orElse(null);
        byte[] raw = null;
        if (mention != null) {
            try {
                raw = mentionSerializer.serialize(valueTopic, mention);
            } catch (RuntimeException e) {
                if (RegistryUnavailableException.in(e)) {
                    throw e; // not the record's fault: fail the task so the record is processed again, whole
                }
                LOG.warn("Cannot re-serialize dead-lettered mention {}; its headers still identify it", mention.getId(), e);
            }
        }
        Provenance p = mention == null ? null : mention.getProvenance();
        DeadLetters.Provenance where = p != null
                ? new DeadLetters.Provenance(p.getTopic(), p.getPartition(), p.getOffset())
                // No provenance in the mention: name the record we have rather than nothing.
                : context.recordMetadata().map(m -> new DeadLetters.Provenance(m.topic(), m.partition(), m.offset())).orElse(null);
        String articleId = mention == null ? null : mention.getArticleId();
        var headers = DeadLetters.headers("correlate", reason, error, articleId,
                mention == null ? null : mention.getOrigin(), where, raw == null ? null : valueTopic);
        counters.deadLettered.incrementAndGet();
        context.forward(new Record<>(articleId != null ? articleId : record.key(), new Emitted.DeadLetter(raw), record.timestamp(), headers));
    }
}
