package io.riposte.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.correlation.CorrelationSettings;
import io.riposte.correlation.CorrelationStores;
import io.riposte.correlation.Correlator;
import io.riposte.correlation.SortedStore;
import io.riposte.domain.Action;
import io.riposte.domain.Evidence;
import io.riposte.streams.RiposteTopology;
import io.riposte.streams.ShownActions;
import io.riposte.streams.state.AvroStoreSerde;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Answers a store query for the whole application, whichever instance receives it.
 *
 * <p>The two views it answers, {@value #CHAINS} and {@value #ACTIONS} (what the {@code chains} and {@code actions}
 * topics hold, by id), are read from the stores of the correlation tasks: a pointer store gives an action's key in
 * {@code correlation-actions} ({@code action-keys}) or a chain's dyad, whose chains are then read from
 * {@code correlation-chains} ({@code chain-keys}), and an action with the cross-dyad links its task received ({@link ShownActions}).
 * Those tasks are partitioned by <em>dyad</em> (the by-dyad repartition topic), not by the ids. So:
 * a dyad query goes to the one active owner of the dyad's partition ({@link KafkaStreams#queryMetadataForKey});
 * an id lookup and a full list ask every owner for its own partitions (one request per instance). Each
 * instance answers only for the partitions it is asked for, from its active copy; when an owner does not
 * answer at all (killed, partitioned away) each of its partitions is read from a standby copy
 * ({@code num.standby.replicas}), and the answer says it may be stale. A partition that has no owner,
 * an owner that answers 503, or a change of the group's assignment between the start and the end of
 * the query makes the whole query {@link Unavailable} (503): a merged answer is complete or not given.
 */
public final class QueryRouter {
    /** Internal endpoint: the entries of some partitions of a store on this instance, as Avro bytes. */
    public static final String INTERNAL_PATH = "/internal/partitions";
    /** How long a peer may take to answer a forwarded query, in ms (default 10000); then it counts as down. */
    public static final String FORWARD_TIMEOUT_MS = "riposte.query.forward.timeout.ms";
    /**
     * A {@link Runnable} run after a query gathered its data and before it checks the assignment did not
     * change: a test seam (settings given as objects), to hold a query open while a rebalance happens.
     */
    public static final String HOOK = "riposte.query.hook";
    /** The view of the chains, by chain id: what the {@code chains} topic holds (a resource of {@link #INTERNAL_PATH}). */
    public static final String CHAINS = "chains-by-id";
    /** The view of the actions, by action id: what the {@code actions} topic holds. */
    public static final String ACTIONS = "actions-by-id";

    /** The query cannot be answered right now; the reason says why (answered 503 with Retry-After). */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String reason) {
            super(reason);
        }
    }

    /** A peer answered neither data nor 503 (for example 401: the instances do not share a credential). */
    public static final class PeerFailure extends RuntimeException {
        public PeerFailure(String message) {
            super(message);
        }
    }

    /** One request: the caller's credential, passed on to peers, and the partitions read from standbys. */
    public static final class Context {
        final String authorization;
        final List<String> stale = new ArrayList<>();

        public Context(String authorization) {
            this.authorization = authorization;
        }

        /** Why the answer may lag, one note per partition read from a standby; empty when all came from owners. */
        public List<String> stale() {
            return List.copyOf(stale);
        }
    }

    /** Reads some partitions of a store on one instance. */
    interface Fetcher {
        List<Object> fetch(HostInfo host, Set<Integer> partitions, boolean standby) throws InstanceClient.Unreachable;
    }

    /** Which instance holds each partition of the stores' source topic, as active and as standbys. */
    record Placement(SortedMap<Integer, HostInfo> active, Map<Integer, List<HostInfo>> standbys, int partitions) {}

    private static final Comparator<HostInfo> HOSTS = Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final String topic;
    private final InstanceClient client;
    private final Runnable hook;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Serde<?>> serdes = Map.of(CHAINS, AvroStoreSerde.chains(), ACTIONS, AvroStoreSerde.actions());
    /** The most partitions ever seen: partitions are never removed, so fewer owners than this is a gap. */
    private volatile int knownPartitions;

    QueryRouter(KafkaStreams streams, HostInfo self, String topic, InstanceClient client, Runnable hook) {
        this.streams = streams;
        this.self = self;
        this.topic = topic;
        this.client = client;
        this.hook = hook == null ? () -> { } : hook;
    }

    /**
     * The router of an app configured by {@code config} (its {@code application.server}, application id and
     * {@link #FORWARD_TIMEOUT_MS}); without {@code application.server} it serves this instance's stores only.
     */
    public static QueryRouter from(KafkaStreams streams, Map<String, ?> config, String scheme) {
        Object server = config.get(StreamsConfig.APPLICATION_SERVER_CONFIG);
        HostInfo self = server == null || server.toString().isBlank() ? null : HostInfo.buildFromEndpoint(server.toString());
        String topic = config.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-" + RiposteTopology.REPARTITION_BY_DYAD + "-repartition";
        Object forwardTimeout = config.get(FORWARD_TIMEOUT_MS);
        Duration timeout = Duration.ofMillis(forwardTimeout == null ? 10_000 : Long.parseLong(forwardTimeout.toString()));
        return new QueryRouter(streams, self, topic, new InstanceClient(scheme, timeout), (Runnable) config.get(HOOK));
    }

    /** A router that answers from this instance's stores only (no {@code application.server}). */
    public static QueryRouter local(KafkaStreams streams) {
        return new QueryRouter(streams, null, null, null, null);
    }

    /** The value stored under {@code key}, wherever it lives. */
    @SuppressWarnings("unchecked")
    public <V> Optional<V> byKey(String store, String key, Context ctx) {
        List<Object> found = consistent(() -> read(store, key, null, ctx));
        if (found.size() > 1) {
            throw new IllegalStateException(found.size() + " entries under key " + key + " in store " + store + " across partitions");
        }
        return found.stream().findFirst().map(v -> (V) v);
    }

    /** Every value of the store, from all partitions (unordered: callers sort). */
    @SuppressWarnings("unchecked")
    public <V> List<V> all(String store, Context ctx) {
        return (List<V>) consistent(() -> read(store, null, null, ctx));
    }

    /** Every value in the partition that holds {@code partitionKey} (a dyad): one owner is asked. */
    @SuppressWarnings("unchecked")
    public <V> List<V> partitionOf(String store, String partitionKey, Context ctx) {
        if (self == null) {
            return all(store, ctx);
        }
        return (List<V>) consistent(() -> {
            KeyQueryMetadata md = streams.queryMetadataForKey(valuesOf(store), partitionKey, new StringSerializer());
            if (md == null || KeyQueryMetadata.NOT_AVAILABLE.equals(md)) {
                throw new Unavailable("no instance hosts the partition of " + partitionKey + " yet (rebalancing)");
            }
            return read(store, null, Set.of(md.partition()), ctx);
        });
    }

    private List<Object> read(String store, String key, Set<Integer> wanted, Context ctx) {
        if (self == null) {
            return local(store, key, null, false);
        }
        Placement placement = placement(streams.metadataForAllStreamsClients(), topic, knownPartitions);
        knownPartitions = Math.max(knownPartitions, placement.partitions());
        Set<Integer> partitions = wanted != null ? wanted : IntStream.range(0, placement.partitions()).boxed().collect(Collectors.toSet());
        return gather(placement, partitions, (host, parts, standby) -> host.equals(self)
                ? local(store, key, parts, standby) : remote(host, store, key, parts, standby, ctx.authorization), ctx.stale);
    }

    /**
     * Where each partition of {@code topic} lives, from the group's metadata; refuses when a partition up
     * to {@code atLeast} (or a gap below the highest) has no active owner.
     */
    static Placement placement(Collection<StreamsMetadata> instances, String topic, int atLeast) {
        SortedMap<Integer, HostInfo> active = new TreeMap<>();
        Map<Integer, List<HostInfo>> standbys = new HashMap<>();
        for (StreamsMetadata m : instances) {
            for (TopicPartition tp : m.topicPartitions()) {
                if (tp.topic().equals(topic)) {
                    HostInfo before = active.put(tp.partition(), m.hostInfo());
                    if (before != null && !before.equals(m.hostInfo())) {
                        throw new Unavailable("partition " + tp.partition() + " is claimed by " + InstanceClient.address(before) + " and " + InstanceClient.address(m.hostInfo()) + " (rebalancing)");
                    }
                }
            }
            for (TopicPartition tp : m.standbyTopicPartitions()) {
                if (tp.topic().equals(topic)) {
                    standbys.computeIfAbsent(tp.partition(), p -> new ArrayList<>()).add(m.hostInfo());
                }
            }
        }
        standbys.values().forEach(l -> l.sort(HOSTS));
        int n = Math.max(atLeast, active.isEmpty() ? 0 : active.lastKey() + 1);
        if (n == 0) {
            throw new Unavailable("no instance owns a partition of " + topic + " yet (rebalancing)");
        }
        List<Integer> orphans = IntStream.range(0, n).filter(p -> !active.containsKey(p)).boxed().toList();
        if (!orphans.isEmpty()) {
            throw new Unavailable("partitions " + orphans + " of " + topic + " have no active owner (rebalancing)");
        }
        return new Placement(active, standbys, n);
    }

    /**
     * Reads {@code wanted} partitions, one request per owner (in host order), falling back partition by
     * partition to a standby when an owner is unreachable; {@code stale} receives one note per such partition.
     */
    static List<Object> gather(Placement placement, Set<Integer> wanted, Fetcher fetcher, List<String> stale) {
        SortedMap<HostInfo, Set<Integer>> byOwner = new TreeMap<>(HOSTS);
        for (int p : wanted) {
            HostInfo owner = placement.active().get(p);
            if (owner == null) {
                throw new Unavailable("partition " + p + " has no active owner (rebalancing)");
            }
            byOwner.computeIfAbsent(owner, h -> new TreeSet<>()).add(p);
        }
        List<Object> out = new ArrayList<>();
        for (var e : byOwner.entrySet()) {
            try {
                out.addAll(fetcher.fetch(e.getKey(), e.getValue(), false));
            } catch (InstanceClient.Unreachable down) {
                for (int p : e.getValue()) {
                    out.addAll(fromStandby(placement, p, down, fetcher, stale));
                }
            }
        }
        return out;
    }

    private static List<Object> fromStandby(Placement placement, int p, InstanceClient.Unreachable down, Fetcher fetcher, List<String> stale) {
        List<HostInfo> standbys = placement.standbys().getOrDefault(p, List.of());
        List<String> tried = new ArrayList<>();
        for (HostInfo standby : standbys) {
            try {
                List<Object> values = fetcher.fetch(standby, Set.of(p), true);
                stale.add("partition " + p + ": owner " + InstanceClient.address(placement.active().get(p)) + " did not answer (" + down.getMessage()
                        + "); served by the standby on " + InstanceClient.address(standby) + ", which may lag");
                return values;
            } catch (InstanceClient.Unreachable alsoDown) {
                tried.add(alsoDown.getMessage());
            }
        }
        throw new Unavailable("partition " + p + ": its owner did not answer (" + down.getMessage() + ")"
                + (standbys.isEmpty() ? " and it has no standby (num.standby.replicas=0)" : " nor did its standbys " + tried));
    }

    /** Runs a query and refuses its result if the group's assignment changed meanwhile. */
    private <T> T consistent(Supplier<T> query) {
        if (self == null) {
            return query.get();
        }
        Set<StreamsMetadata> before = Set.copyOf(streams.metadataForAllStreamsClients());
        T result = query.get();
        hook.run();
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING || !before.equals(Set.copyOf(streams.metadataForAllStreamsClients()))) {
            throw new Unavailable("a rebalance happened while the query ran (streams is " + state
                    + ", partitions moved between instances): the answer could mix two assignments; ask again");
        }
        return result;
    }

    /** The store that holds a view's values. */
    private String valuesOf(String view) {
        serde(view);
        return view.equals(ACTIONS) ? RiposteTopology.STORE_ACTIONS : RiposteTopology.STORE_CHAINS;
    }

    /** A view read from this instance's stores: all its values in those partitions, or the one under {@code key}. */
    private List<Object> local(String view, String key, Set<Integer> partitions, boolean standby) {
        String values = valuesOf(view);
        Map<Integer, List<Object>> found;
        if (key == null) {
            found = new TreeMap<>();
            for (var e : entries(values, RangeQuery.<String, Object>withNoBounds(), partitions, standby).entrySet()) {
                List<Object> at = new ArrayList<>();
                e.getValue().forEach(kv -> at.add(complete(kv.getKey(), kv.getValue(), e.getKey(), standby)));
                found.put(e.getKey(), at);
            }
        } else {
            String pointers = view.equals(ACTIONS) ? RiposteTopology.STORE_ACTION_KEYS : RiposteTopology.STORE_CHAIN_KEYS;
            found = new TreeMap<>();
            for (var e : query(pointers, KeyQuery.<String, Object>withKey(key), partitions, standby).entrySet()) {
                List<Object> at = new ArrayList<>();
                for (Object pointer : e.getValue()) {
                    // stores are not transactional: a pointer may name a key whose value just moved (then: not found)
                    String target = (String) pointer;
                    if (view.equals(CHAINS)) { // the chain's dyad
                        query(values, RangeQuery.<String, Object>withRange(target + "|", target + "}"), Set.of(e.getKey()), standby).get(e.getKey())
                                .stream().filter(c -> ((io.riposte.domain.Chain) c).id().equals(key)).forEach(at::add);
                    } else {
                        for (Object a : query(values, KeyQuery.<String, Object>withKey(target), Set.of(e.getKey()), standby).get(e.getKey())) {
                            at.add(complete(target, a, e.getKey(), standby));
                        }
                    }
                }
                found.put(e.getKey(), at);
            }
        }
        List<Object> out = new ArrayList<>();
        for (var e : found.entrySet()) {
            Map<String, List<String>> received = new HashMap<>();
            for (Object v : e.getValue()) {
                if (v instanceof Action a) {
                    List<String> links = received.computeIfAbsent(a.dyad(), d -> query(RiposteTopology.STORE_CROSS_DYAD_LINKS,
                            RangeQuery.<String, Object>withRange(ShownActions.receivedFrom(d), ShownActions.receivedEnd(d)), Set.of(e.getKey()), standby)
                            .get(e.getKey()).stream().map(String.class::cast).toList());
                    out.add(ShownActions.shown(a, links, java.util.function.UnaryOperator.identity()));
                } else {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /**
     * A stored action with every report: the stores keep only its first ones ({@link Action#SHOWN_EVIDENCE}), the
     * rest is recomputed from the task's stored mentions by the correlation core, reading through IQv2 (no write).
     */
    private Object complete(String key, Object value, int partition, boolean standby) {
        if (!(value instanceof Action a) || !a.evidenceTruncated()) {
            return value;
        }
        CorrelationStores stores = new CorrelationStores(readOnly(RiposteTopology.STORE_MENTIONS, partition, standby),
                readOnly(RiposteTopology.STORE_ACTIONS, partition, standby), readOnly(RiposteTopology.STORE_CHAINS, partition, standby),
                readOnly(RiposteTopology.STORE_INDEX, partition, standby));
        List<Evidence> all = new Correlator(CorrelationSettings.defaults(), stores, 0).allEvidence(key, a);
        if (all == null) {
            throw new Unavailable("action " + a.id() + " changed while its reports were read; ask again");
        }
        return a.withAllEvidence(all);
    }

    /** One partition of a store as the correlation core reads it; a query writes nothing. */
    @SuppressWarnings("unchecked")
    private <V> SortedStore<V> readOnly(String store, int partition, boolean standby) {
        return new SortedStore<>() {
            @Override
            public V get(String key) {
                List<Object> v = query(store, KeyQuery.<String, Object>withKey(key), Set.of(partition), standby).get(partition);
                return v.isEmpty() ? null : (V) v.get(0);
            }

            @Override
            public void put(String key, V value) {
                throw new UnsupportedOperationException("a query does not write " + store);
            }

            @Override
            public void delete(String key) {
                throw new UnsupportedOperationException("a query does not write " + store);
            }

            @Override
            public List<Map.Entry<String, V>> range(String from, String to) {
                List<Map.Entry<String, V>> out = new ArrayList<>();
                if (from.compareTo(to) < 0) {
                    for (Map.Entry<String, Object> e : entries(store, RangeQuery.<String, Object>withRange(from, to), Set.of(partition), standby)
                            .get(partition)) {
                        if (!e.getKey().equals(to)) { // IQv2 ranges include their upper bound
                            out.add(Map.entry(e.getKey(), (V) e.getValue()));
                        }
                    }
                }
                return out;
            }
        };
    }

    /** One IQv2 query of a store, by partition (all of this instance's when {@code partitions} is null). */
    private Map<Integer, List<Object>> query(String store, Query<?> q, Set<Integer> partitions, boolean standby) {
        Map<Integer, List<Object>> out = new TreeMap<>();
        entries(store, q, partitions, standby).forEach((p, found) -> out.put(p, found.stream().map(Map.Entry::getValue).toList()));
        return out;
    }

    /** The same, keys kept (a key query's one value under its key's place, null). */
    private Map<Integer, List<Map.Entry<String, Object>>> entries(String store, Query<?> q, Set<Integer> partitions, boolean standby) {
        StateQueryRequest<?> request = StateQueryRequest.inStore(store).withQuery(q);
        if (partitions != null) {
            request = request.withPartitions(partitions);
        }
        if (!standby) {
            request = request.requireActive();
        }
        StateQueryResult<?> result = streams.query(request);
        Map<Integer, ? extends QueryResult<?>> byPartition = result.getPartitionResults();
        Collection<Integer> expected = partitions != null ? new TreeSet<>(partitions) : new TreeSet<>(byPartition.keySet());
        Map<Integer, List<Map.Entry<String, Object>>> out = new TreeMap<>();
        for (int p : expected) {
            QueryResult<?> r = byPartition.get(p);
            if (r == null) {
                throw new Unavailable("store " + store + " partition " + p + " is not on this instance (it moved: rebalancing)");
            }
            if (r.isFailure()) {
                throw new Unavailable("store " + store + " partition " + p + ": " + r.getFailureReason() + " " + r.getFailureMessage());
            }
            List<Map.Entry<String, Object>> values = new ArrayList<>();
            Object value = r.getResult();
            if (value instanceof KeyValueIterator<?, ?> it) {
                try (it) {
                    while (it.hasNext()) {
                        KeyValue<?, ?> kv = it.next();
                        values.add(new java.util.AbstractMap.SimpleImmutableEntry<>((String) kv.key, kv.value));
                    }
                }
            } else if (value != null) {
                values.add(new java.util.AbstractMap.SimpleImmutableEntry<>(null, value));
            }
            out.put(p, values);
        }
        return out;
    }

    private List<Object> remote(HostInfo host, String store, String key, Set<Integer> partitions, boolean standby, String authorization)
            throws InstanceClient.Unreachable {
        InstanceClient.Reply reply;
        try {
            reply = client.fetch(host, store, partitions, key, standby, authorization);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while asking " + InstanceClient.address(host));
        }
        JsonNode body = parse(reply.body());
        if (reply.status() == 503) {
            throw new Unavailable("instance " + InstanceClient.address(host) + ": " + (body != null && body.has("reason") ? body.get("reason").asText() : reply.body()));
        }
        if (reply.status() != 200 || body == null || !body.has("values")) {
            throw new PeerFailure("instance " + InstanceClient.address(host) + " answered " + reply.status() + ": " + reply.body());
        }
        Serde<?> serde = serde(store);
        List<Object> out = new ArrayList<>();
        for (JsonNode v : body.get("values")) {
            out.add(serde.deserializer().deserialize(store, Base64.getDecoder().decode(v.asText())));
        }
        return out;
    }

    /**
     * Serves {@link #INTERNAL_PATH}{@code /{view}?partitions=0,2&standby=false[&key=K]} ({@link #ACTIONS} or {@link #CHAINS}): this instance's
     * entries of exactly those partitions, never forwarded. Unavailable when any of them is not here.
     */
    public Map<String, Object> serveInternal(URI uri) {
        String rest = uri.getRawPath().substring(INTERNAL_PATH.length());
        String store = URLDecoder.decode(rest.startsWith("/") ? rest.substring(1) : rest, StandardCharsets.UTF_8);
        Map<String, String> q = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    q.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        Serde<?> serde = serde(store);
        Set<Integer> partitions = new TreeSet<>();
        try {
            for (String p : q.getOrDefault("partitions", "").split(",")) {
                partitions.add(Integer.parseInt(p.strip()));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("partitions must be a comma-separated list of numbers: " + q.get("partitions"));
        }
        List<Object> values = local(store, q.get("key"), partitions, Boolean.parseBoolean(q.get("standby")));
        @SuppressWarnings("unchecked")
        Serde<Object> s = (Serde<Object>) serde;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partitions", partitions);
        body.put("values", values.stream().map(v -> Base64.getEncoder().encodeToString(s.serializer().serialize(store, v))).toList());
        return body;
    }

    /**
     * What this instance hosts, for {@code /health}: its {@code application.server}, and the tasks and input
     * partitions it runs as active and as standby (sorted); null when Streams cannot tell (not started).
     */
    public Map<String, Object> ownership() {
        Set<ThreadMetadata> threads;
        try {
            threads = streams.metadataForLocalThreads();
        } catch (RuntimeException notStarted) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("application_server", self == null ? null : InstanceClient.address(self));
        out.put("active_tasks", tasks(threads, ThreadMetadata::activeTasks, false));
        out.put("active_partitions", tasks(threads, ThreadMetadata::activeTasks, true));
        out.put("standby_tasks", tasks(threads, ThreadMetadata::standbyTasks, false));
        out.put("standby_partitions", tasks(threads, ThreadMetadata::standbyTasks, true));
        // Per stream thread, so a reader sees whether the tasks of extraction and correlation share a thread.
        Map<String, List<String>> byThread = new java.util.TreeMap<>();
        for (ThreadMetadata t : threads) {
            byThread.put(t.threadName(), tasks(Set.of(t), ThreadMetadata::activeTasks, false));
        }
        out.put("thread_active_tasks", byThread);
        return out;
    }

    private static List<String> tasks(Set<ThreadMetadata> threads, java.util.function.Function<ThreadMetadata, Set<TaskMetadata>> which, boolean partitions) {
        TreeSet<String> out = new TreeSet<>();
        for (ThreadMetadata t : threads) {
            for (TaskMetadata task : which.apply(t)) {
                if (partitions) {
                    task.topicPartitions().forEach(tp -> out.add(tp.topic() + "-" + tp.partition()));
                } else {
                    out.add(task.taskId().toString());
                }
            }
        }
        return List.copyOf(out);
    }

    private Serde<?> serde(String store) {
        Serde<?> serde = serdes.get(store);
        if (serde == null) {
            throw new IllegalArgumentException("store " + store + " is not queryable; queryable: " + new TreeSet<>(serdes.keySet()));
        }
        return serde;
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
