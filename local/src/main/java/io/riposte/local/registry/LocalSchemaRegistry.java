package io.riposte.local.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A Confluent-compatible schema registry on 127.0.0.1, for the local cluster, the demo and tests.
 *
 * <p>It serves the subset of the REST API Riposte's client uses: {@code POST /subjects/{s}/versions},
 * {@code POST /subjects/{s}}, {@code GET /schemas/ids/{id}}, {@code GET /subjects},
 * {@code GET /subjects/{s}/versions[/{v}|/latest]}, {@code POST /compatibility/subjects/{s}/versions/{v}|latest},
 * {@code GET|PUT /config[/{s}]}. Compatibility is BACKWARD by default, like Confluent, checked with Avro's
 * {@code SchemaCompatibility}. Ids are global: the same schema under another subject keeps its id.
 * Errors carry Confluent's bodies: 40401 subject, 40402 version, 40403 schema not found, 42201 invalid
 * schema, 42203 invalid compatibility level, 409 (error_code 409) incompatible.
 *
 * <p>Use {@link #inMemory(int)} in unit tests, {@link #onKafka(String, int)} for a registry whose facts live
 * in the cluster's compacted {@code _schemas} topic and survive restarts.
 */
public final class LocalSchemaRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaStore store;
    private final HttpServer server;
    private final ExecutorService executor;

    // State, guarded by "this".
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, TreeMap<Integer, Integer>> versionsBySubject = new LinkedHashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int maxId;

    /** A registry keeping nothing beyond its lifetime; {@code port} 0 = a free port. */
    public static LocalSchemaRegistry inMemory(int port) {
        return new LocalSchemaRegistry(SchemaStore.inMemory(), port);
    }

    /** A registry persisting to the {@code _schemas} topic of the cluster at {@code bootstrapServers}. */
    public static LocalSchemaRegistry onKafka(String bootstrapServers, int port) {
        return onKafka(Map.of("bootstrap.servers", bootstrapServers), port);
    }

    /**
     * A registry persisting to the {@code _schemas} topic of the cluster that {@code clientProperties} reach
     * ({@code bootstrap.servers} and, on a secured cluster, the SASL settings of the registry's own user).
     */
    public static LocalSchemaRegistry onKafka(Map<String, ?> clientProperties, int port) {
        KafkaSchemaStore store = new KafkaSchemaStore(clientProperties);
        try {
            return new LocalSchemaRegistry(store, port);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** A registry over any store (it is closed with the registry). */
    public LocalSchemaRegistry(SchemaStore store, int port) {
        this.store = store;
        catchUp();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        } catch (BindException e) {
            throw new IllegalStateException("Cannot start the schema registry: port " + port
                    + " on 127.0.0.1 is already in use (choose another port)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the schema registry on 127.0.0.1:" + port, e);
        }
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "local-schema-registry");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        store.close();
    }

    // ---- state --------------------------------------------------------------------------------------

    private synchronized void catchUp() {
        for (StoreEntry e : store.readNew()) {
            apply(e);
        }
    }

    private synchronized void apply(StoreEntry e) {
        if (e.isSchema()) {
            String existing = schemasById.get(e.id());
            if (existing != null && !existing.equals(e.schema())) {
                throw new IllegalStateException("Registry store maps id " + e.id() + " to two different schemas");
            }
            schemasById.put(e.id(), e.schema());
            idsBySchema.putIfAbsent(e.schema(), e.id());
            versionsBySubject.computeIfAbsent(e.subject(), s -> new TreeMap<>()).putIfAbsent(e.version(), e.id());
            maxId = Math.max(maxId, e.id());
        } else if (e.subject() == null) {
            globalLevel = CompatibilityLevel.valueOf(e.level());
        } else {
            subjectLevels.put(e.subject(), CompatibilityLevel.valueOf(e.level()));
        }
    }

    private synchronized Reply register(String subject, JsonNode body) {
        Schema schema = parseBody(body);
        if (schema == null) {
            return invalidSchema(body);
        }
        catchUp(); // another registry process on the same topic may have added ids
        String text = schema.toString();
        TreeMap<Integer, Integer> versions = versionsBySubject.getOrDefault(subject, new TreeMap<>());
        for (Integer id : versions.values()) {
            if (schemasById.get(id).equals(text)) {
                return Reply.ok(JSON.createObjectNode().put("id", id));
            }
        }
        List<Schema> existing = new ArrayList<>();
        for (Integer id : versions.values()) {
            existing.add(new Schema.Parser().parse(schemasById.get(id)));
        }
        CompatibilityLevel level = subjectLevels.getOrDefault(subject, globalLevel);
        List<String> problems = level.problems(schema, existing);
        if (!problems.isEmpty()) {
            return Reply.error(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\" under " + level + ", details: " + problems);
        }
        Integer id = idsBySchema.get(text);
        StoreEntry entry = StoreEntry.schema(subject, versions.isEmpty() ? 1 : versions.lastKey() + 1,
                id != null ? id : maxId + 1, text);
        store.append(entry); // durable first, so an id is never handed out that a restart would forget
        apply(entry);
        return Reply.ok(JSON.createObjectNode().put("id", entry.id()));
    }

    private synchronized Reply lookup(String subject, JsonNode body) {
        TreeMap<Integer, Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return subjectNotFound(subject);
        }
        Schema schema = parseBody(body);
        if (schema == null) {
            return invalidSchema(body);
        }
        String text = schema.toString();
        for (var v : versions.entrySet()) {
            if (schemasById.get(v.getValue()).equals(text)) {
                return Reply.ok(version(subject, v.getKey(), v.getValue()));
            }
        }
        return Reply.error(404, 40403, "Schema not found");
    }

    private synchronized Reply schemaById(String idText) {
        String schema = null;
        try {
            schema = schemasById.get(Integer.parseInt(idText));
        } catch (NumberFormatException ignored) {
            // falls through to not found, as Confluent answers for a non-numeric id
        }
        if (schema == null) {
            return Reply.error(404, 40403, "Schema " + idText + " not found");
        }
        return Reply.ok(JSON.createObjectNode().put("schema", schema));
    }

    private synchronized Reply subjects() {
        ArrayNode list = JSON.createArrayNode();
        versionsBySubject.keySet().forEach(list::add);
        return Reply.ok(list);
    }

    private synchronized Reply versions(String subject) {
        TreeMap<Integer, Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return subjectNotFound(subject);
        }
        ArrayNode list = JSON.createArrayNode();
        versions.keySet().forEach(list::add);
        return Reply.ok(list);
    }

    private synchronized Reply getVersion(String subject, String which) {
        TreeMap<Integer, Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return subjectNotFound(subject);
        }
        Integer version = resolveVersion(versions, which);
        if (version == null) {
            return Reply.error(404, 40402, "Version " + which + " not found.");
        }
        return Reply.ok(version(subject, version, versions.get(version)));
    }

    private synchronized Reply compatibility(String subject, String which, JsonNode body) {
        TreeMap<Integer, Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return subjectNotFound(subject);
        }
        Integer version = resolveVersion(versions, which);
        if (version == null) {
            return Reply.error(404, 40402, "Version " + which + " not found.");
        }
        Schema schema = parseBody(body);
        if (schema == null) {
            return invalidSchema(body);
        }
        CompatibilityLevel level = subjectLevels.getOrDefault(subject, globalLevel);
        List<Schema> against = new ArrayList<>();
        if (which.equals("latest") && level.name().endsWith("_TRANSITIVE")) {
            for (Integer id : versions.values()) {
                against.add(new Schema.Parser().parse(schemasById.get(id)));
            }
        } else {
            against.add(new Schema.Parser().parse(schemasById.get(versions.get(version))));
        }
        List<String> problems = level.problems(schema, against);
        ObjectNode answer = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
        if (!problems.isEmpty()) {
            ArrayNode messages = answer.putArray("messages");
            problems.forEach(messages::add);
        }
        return Reply.ok(answer);
    }

    private synchronized Reply getConfig(String subject) {
        CompatibilityLevel level = subject == null ? globalLevel : subjectLevels.getOrDefault(subject, globalLevel);
        return Reply.ok(JSON.createObjectNode().put("compatibilityLevel", level.name()));
    }

    private synchronized Reply putConfig(String subject, JsonNode body) {
        JsonNode value = body == null ? null : body.get("compatibility");
        CompatibilityLevel level = CompatibilityLevel.parse(value == null ? null : value.asText());
        if (level == null) {
            return Reply.error(422, 42203, "Invalid compatibility level: " + value
                    + ". Valid values are " + java.util.Arrays.toString(CompatibilityLevel.values()));
        }
        StoreEntry entry = StoreEntry.config(subject, level.name());
        store.append(entry);
        apply(entry);
        return Reply.ok(JSON.createObjectNode().put("compatibility", level.name()));
    }

    private ObjectNode version(String subject, int version, int id) {
        return JSON.createObjectNode().put("subject", subject).put("version", version).put("id", id)
                .put("schema", schemasById.get(id));
    }

    private static Integer resolveVersion(TreeMap<Integer, Integer> versions, String which) {
        if (which.equals("latest") || which.equals("-1")) {
            return versions.lastKey();
        }
        try {
            int v = Integer.parseInt(which);
            return versions.containsKey(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Schema parseBody(JsonNode body) {
        if (body == null || !body.path("schema").isTextual()) {
            return null;
        }
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            return null;
        }
        try {
            return new Schema.Parser().parse(body.get("schema").asText());
        } catch (SchemaParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Reply invalidSchema(JsonNode body) {
        String detail;
        if (body == null || !body.path("schema").isTextual()) {
            detail = "request body needs a \"schema\" string";
        } else if (!body.path("schemaType").asText("AVRO").equalsIgnoreCase("AVRO")) {
            detail = "only AVRO schemas are supported, got " + body.path("schemaType").asText();
        } else {
            try {
                new Schema.Parser().parse(body.get("schema").asText());
                detail = "unparsable";
            } catch (RuntimeException e) {
                detail = e.getMessage();
            }
        }
        return Reply.error(422, 42201, "Invalid schema: " + detail);
    }

    private static Reply subjectNotFound(String subject) {
        return Reply.error(404, 40401, "Subject '" + subject + "' not found.");
    }

    // ---- HTTP ---------------------------------------------------------------------------------------

    private record Reply(int status, JsonNode body) {
        static Reply ok(JsonNode body) {
            return new Reply(200, body);
        }

        static Reply error(int status, int code, String message) {
            return new Reply(status, JSON.createObjectNode().put("error_code", code).put("message", message));
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        Reply reply;
        try {
            reply = route(ex);
        } catch (RuntimeException e) {
            reply = Reply.error(500, 50001, "Error in the backend data store: " + e.getMessage());
        }
        byte[] bytes = JSON.writeValueAsBytes(reply.body());
        ex.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        ex.sendResponseHeaders(reply.status(), bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
        ex.close();
    }

    private Reply route(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String raw = ex.getRequestURI().getRawPath();
        List<String> p = new ArrayList<>();
        for (String part : raw.split("/")) {
            if (!part.isEmpty()) {
                p.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        JsonNode body = null;
        byte[] bytes = ex.getRequestBody().readAllBytes();
        if (bytes.length > 0) {
            try {
                body = JSON.readTree(bytes);
            } catch (IOException e) {
                return Reply.error(400, 400, "Request body is not JSON: " + e.getMessage());
            }
        }
        int n = p.size();
        String head = n > 0 ? p.get(0) : "";
        switch (head) {
            case "subjects":
                if (n == 1 && method.equals("GET")) {
                    return subjects();
                }
                if (n == 2 && method.equals("POST")) {
                    return lookup(p.get(1), body);
                }
                if (n == 3 && p.get(2).equals("versions")) {
                    if (method.equals("POST")) {
                        return register(p.get(1), body);
                    }
                    if (method.equals("GET")) {
                        return versions(p.get(1));
                    }
                }
                if (n == 4 && p.get(2).equals("versions") && method.equals("GET")) {
                    return getVersion(p.get(1), p.get(3));
                }
                if (n == 5 && p.get(2).equals("versions") && p.get(4).equals("schema") && method.equals("GET")) {
                    Reply r = getVersion(p.get(1), p.get(3));
                    return r.status() == 200 ? Reply.ok(JSON.readTree(r.body().get("schema").asText())) : r;
                }
                break;
            case "schemas":
                if (n == 3 && p.get(1).equals("ids") && method.equals("GET")) {
                    return schemaById(p.get(2));
                }
                break;
            case "compatibility":
                if (n == 5 && p.get(1).equals("subjects") && p.get(3).equals("versions") && method.equals("POST")) {
                    return compatibility(p.get(2), p.get(4), body);
                }
                break;
            case "config":
                if (n <= 2) {
                    String subject = n == 2 ? p.get(1) : null;
                    if (method.equals("GET")) {
                        return getConfig(subject);
                    }
                    if (method.equals("PUT")) {
                        return putConfig(subject, body);
                    }
                }
                break;
            case "":
                if (method.equals("GET")) {
                    return Reply.ok(JSON.createObjectNode());
                }
                break;
            default:
                break;
        }
        return Reply.error(404, 404, "HTTP 404 Not Found: " + method + " " + raw);
    }
}
