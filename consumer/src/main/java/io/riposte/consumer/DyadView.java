package io.riposte.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.avro.Action;
import io.riposte.avro.ActionType;
import io.riposte.avro.Chain;
import io.riposte.avro.ChainStep;
import io.riposte.avro.Link;
import io.riposte.avro.Modality;
import io.riposte.json.JsonContract;
import io.riposte.mapping.AvroMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The materialized per-dyad view built from the compacted {@code chains} and {@code actions}
 * topics: current chains, last step, escalation level, pending threats, time of the last change.
 *
 * <p>It is a pure function of the latest value per key (and those records' timestamps), so
 * re-reading the compacted inputs after a restart rebuilds exactly the same JSON, and the sink
 * receives an upsert only when a dyad's JSON really changes.
 */
public final class DyadView {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private record Timed<T>(T value, long timestamp) {}

    private final Map<String, Timed<Chain>> chains = new HashMap<>();
    private final Map<String, Timed<Action>> actions = new HashMap<>();
    private final Map<String, Set<String>> chainsByDyad = new TreeMap<>();
    private final Map<String, Set<String>> actionsByDyad = new TreeMap<>();
    private final Set<String> dirty = new TreeSet<>();

    /** Applies a {@code chains} record; a null value is a tombstone. */
    public void applyChain(String chainId, Chain chain, long timestamp) {
        Timed<Chain> old = chain == null ? chains.remove(chainId) : chains.put(chainId, new Timed<>(chain, timestamp));
        if (old != null) {
            chainsByDyad.getOrDefault(old.value().getDyad(), new TreeSet<>()).remove(chainId);
            dirty.add(old.value().getDyad());
        }
        if (chain != null) {
            chainsByDyad.computeIfAbsent(chain.getDyad(), d -> new TreeSet<>()).add(chainId);
            dirty.add(chain.getDyad());
        }
    }

    /** Applies an {@code actions} record; a null value is a tombstone. */
    public void applyAction(String actionId, Action action, long timestamp) {
        Timed<Action> old = action == null ? actions.remove(actionId) : actions.put(actionId, new Timed<>(action, timestamp));
        if (old != null) {
            actionsByDyad.getOrDefault(old.value().getDyad(), new TreeSet<>()).remove(actionId);
            dirty.add(old.value().getDyad());
        }
        if (action != null) {
            actionsByDyad.computeIfAbsent(action.getDyad(), d -> new TreeSet<>()).add(actionId);
            dirty.add(action.getDyad());
        }
    }

    /** Marks dyads for re-rendering, e.g. those the sink holds from an earlier run. */
    public void touch(java.util.Collection<String> dyads) {
        dirty.addAll(dyads);
    }

    /** Dyads touched since the last call, sorted; clears the set. */
    public List<String> drainDirty() {
        List<String> d = new ArrayList<>(dirty);
        dirty.clear();
        return d;
    }

    /** Current chains, ordered by dyad, then first date, then id. */
    public List<Chain> chains() {
        return chains.values().stream().map(Timed::value)
                .sorted(Comparator.comparing(Chain::getDyad)
                        .thenComparing(c -> FuzzyDateText.sortKey(c.getFirstDate()))
                        .thenComparing(Chain::getId))
                .toList();
    }

    /** The dyad's current chains, ordered by first date then id. */
    public List<Chain> chainsOf(String dyad) {
        return chainsByDyad.getOrDefault(dyad, Set.of()).stream().map(id -> chains.get(id).value())
                .sorted(Comparator.comparing((Chain c) -> FuzzyDateText.sortKey(c.getFirstDate())).thenComparing(Chain::getId))
                .toList();
    }

    /** The current value of an action, or null. */
    public Action action(String id) {
        Timed<Action> t = actions.get(id);
        return t == null ? null : t.value();
    }

    /** The highest escalation score of the dyad's chains (0 without chains). */
    public double escalationLevel(String dyad) {
        return chainsOf(dyad).stream().mapToDouble(Chain::getEscalation).max().orElse(0);
    }

    /** Threats of the dyad nothing has carried out yet. */
    public List<Action> pendingThreatsOf(String dyad) {
        return pendingThreats(dyad);
    }

    /** Dyads with at least one chain or pending threat. */
    public List<String> dyads() {
        Set<String> all = new TreeSet<>();
        chainsByDyad.forEach((d, ids) -> {
            if (!ids.isEmpty()) {
                all.add(d);
            }
        });
        actionsByDyad.keySet().stream().filter(d -> !pendingThreats(d).isEmpty()).forEach(all::add);
        return List.copyOf(all);
    }

    /** The JSON value for a dyad, or null when there is nothing to say (a tombstone for the sink). */
    public String json(String dyad) {
        List<Timed<Chain>> cs = timedChainsOf(dyad);
        List<Action> threats = pendingThreats(dyad);
        if (cs.isEmpty() && threats.isEmpty()) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("dyad", dyad);
        double level = 0;
        long last = Long.MIN_VALUE;
        ChainStep lastStep = null;
        String lastStepChain = null;
        ArrayNode chainsNode = root.putArray("chains");
        for (Timed<Chain> t : cs) {
            Chain c = t.value();
            level = Math.max(level, c.getEscalation());
            last = Math.max(last, t.timestamp());
            ObjectNode cn = chainsNode.addObject();
            cn.put("id", c.getId());
            cn.put("status", c.getStatus().name());
            cn.put("escalation", c.getEscalation());
            JsonContract.putDate(cn, "first_date", AvroMapping.toDomain(c.getFirstDate()));
            JsonContract.putDate(cn, "last_date", AvroMapping.toDomain(c.getLastDate()));
            ArrayNode steps = cn.putArray("steps");
            for (ChainStep s : c.getSteps()) {
                steps.add(step(s));
                if (lastStep == null || stepOrder().compare(s, lastStep) > 0) {
                    lastStep = s;
                    lastStepChain = c.getId();
                }
            }
        }
        root.put("escalation_level", level);
        if (lastStep != null) {
            root.set("last_step", step(lastStep).put("chain_id", lastStepChain));
        } else {
            root.putNull("last_step");
        }
        ArrayNode pt = root.putArray("pending_threats");
        for (Action a : threats) {
            ObjectNode tn = pt.addObject();
            tn.put("action_id", a.getId());
            tn.put("source", a.getSource());
            tn.put("target", a.getTarget());
            JsonContract.putDate(tn, "date", AvroMapping.toDomain(a.getDate()));
            tn.put("severity", a.getSeverity());
            last = Math.max(last, actions.get(a.getId()).timestamp());
        }
        root.put("updated_at", Instant.ofEpochMilli(last).toString());
        try {
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException("cannot render dyad " + dyad, e);
        }
    }

    /**
     * The typed twin of {@link #json}: the same chains, escalation level, last step, pending threats and
     * update time, as the Avro record of {@code dyads-avro}; null when {@link #json} is (a tombstone).
     */
    public io.riposte.avro.DyadView avro(String dyad) {
        List<Timed<Chain>> cs = timedChainsOf(dyad);
        List<Action> threats = pendingThreats(dyad);
        if (cs.isEmpty() && threats.isEmpty()) {
            return null;
        }
        ChainStep lastStep = null;
        String lastStepChain = null;
        long updated = Long.MIN_VALUE;
        for (Timed<Chain> t : cs) {
            updated = Math.max(updated, t.timestamp());
            for (ChainStep step : t.value().getSteps()) {
                if (lastStep == null || stepOrder().compare(step, lastStep) > 0) {
                    lastStep = step;
                    lastStepChain = t.value().getId();
                }
            }
        }
        List<io.riposte.avro.PendingThreat> pending = new ArrayList<>();
        for (Action a : threats) {
            pending.add(new io.riposte.avro.PendingThreat(a.getId(), a.getSource(), a.getTarget(), a.getDate(), a.getSeverity()));
            updated = Math.max(updated, actions.get(a.getId()).timestamp());
        }
        return io.riposte.avro.DyadView.newBuilder()
                .setDyad(dyad)
                .setChains(cs.stream().map(Timed::value).toList())
                .setEscalationLevel(cs.stream().mapToDouble(t -> t.value().getEscalation()).max().orElse(0))
                .setLastStep(lastStep)
                .setLastStepChainId(lastStepChain)
                .setPendingThreats(pending)
                .setUpdatedAt(Instant.ofEpochMilli(updated))
                .build();
    }

    /** The dyad's chains with their record timestamps, by first date then id. */
    private List<Timed<Chain>> timedChainsOf(String dyad) {
        return chainsByDyad.getOrDefault(dyad, Set.of()).stream().map(chains::get)
                .sorted(Comparator.comparing((Timed<Chain> t) -> FuzzyDateText.sortKey(t.value().getFirstDate()))
                        .thenComparing(t -> t.value().getId()))
                .toList();
    }

    private static Comparator<ChainStep> stepOrder() {
        return Comparator.comparing((ChainStep s) -> FuzzyDateText.sortKey(s.getDate())).thenComparing(ChainStep::getActionId);
    }

    private static ObjectNode step(ChainStep s) {
        return JsonContract.step(AvroMapping.toDomain(s));
    }

    /**
     * Threats of the dyad that nothing has carried out yet: no later action of the threatening side
     * links back to them.
     */
    List<Action> pendingThreats(String dyad) {
        List<Action> inDyad = actionsByDyad.getOrDefault(dyad, Set.of()).stream().map(id -> actions.get(id).value()).toList();
        List<Action> out = new ArrayList<>();
        for (Action a : inDyad) {
            boolean threat = a.getType() == ActionType.THREATEN_RETALIATION || a.getModality() == Modality.THREATENED;
            if (!threat) {
                continue;
            }
            boolean carriedOut = inDyad.stream().anyMatch(o -> o != a && o.getSource().equals(a.getSource())
                    && o.getRespondsTo().stream().map(Link::getActionId).anyMatch(a.getId()::equals));
            if (!carriedOut) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparing((Action a) -> FuzzyDateText.sortKey(a.getDate())).thenComparing(Action::getId));
        return out;
    }
}
