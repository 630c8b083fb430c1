package io.riposte.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.avro.Schema;

/**
 * A tiny Confluent-like registry on a JDK HttpServer for client and serde tests: it records every request
 * and can be told to answer the next requests with canned statuses. Ids are global, one per distinct schema.
 */
public final class FakeRegistry implements AutoCloseable {
    public record Request(String method, String rawPath, String body, Map<String, List<String>> headers) {}

    private record Canned(int status, String body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String prefix;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Canned> canned = new ConcurrentLinkedDeque<>();
    private final Map<String, Integer> idsBySchema = new LinkedHashMap<>();
    private final Map<Integer, String> schemasById = new LinkedHashMap<>();
    private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();
    private String compatibility = "BACKWARD";

    /** {@code prefix} is a path the base URL carries, e.g. "/apis/ccompat/v7", or "". */
    public FakeRegistry(String prefix) throws IOException {
        this.prefix = prefix;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        requests.clear();
    }

    /** The next request gets this answer instead of the real one. */
    public void answerNext(int status, String body) {
        canned.add(new Canned(status, body));
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String rawPath = ex.getRequestURI().getRawPath();
        requests.add(new Request(ex.getRequestMethod(), rawPath, body, Map.copyOf(ex.getRequestHeaders())));
        Canned c = canned.poll();
        if (c != null) {
            reply(ex, c.status, c.body);
            return;
        }
        if (!rawPath.startsWith(prefix)) {
            reply(ex, 404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
            return;
        }
        String[] parts = rawPath.substring(prefix.length()).split("/");
        // parts[0] is "" (leading slash)
        String method = ex.getRequestMethod();
        try {
            if (parts.length == 4 && parts[1].equals("subjects") && parts[3].equals("versions") && method.equals("POST")) {
                String subject = decode(parts[2]);
                String schema = normalized(body);
                Integer id = idsBySchema.computeIfAbsent(schema, s -> {
                    int next = schemasById.size() + 1;
                    schemasById.put(next, s);
                    return next;
                });
                List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
                if (!versions.contains(id)) {
                    versions.add(id);
                }
                // an unknown field, as newer registries add: clients must ignore it
                reply(ex, 200, "{\"id\":" + id + ",\"guid\":\"ignored\"}");
            } else if (parts.length == 3 && parts[1].equals("subjects") && method.equals("POST")) {
                String subject = decode(parts[2]);
                Integer id = idsBySchema.get(normalized(body));
                List<Integer> versions = subjects.get(subject);
                if (versions == null) {
                    reply(ex, 404, "{\"error_code\":40401,\"message\":\"Subject '" + subject + "' not found.\"}");
                } else if (id == null || !versions.contains(id)) {
                    reply(ex, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
                } else {
                    reply(ex, 200, "{\"subject\":" + JSON.writeValueAsString(subject) + ",\"version\":"
                            + (versions.indexOf(id) + 1) + ",\"id\":" + id + ",\"schema\":"
                            + JSON.writeValueAsString(schemasById.get(id)) + "}");
                }
            } else if (parts.length == 4 && parts[1].equals("schemas") && parts[2].equals("ids")) {
                String schema = schemasById.get(Integer.parseInt(parts[3]));
                if (schema == null) {
                    reply(ex, 404, "{\"error_code\":40403,\"message\":\"Schema " + parts[3] + " not found\"}");
                } else {
                    reply(ex, 200, "{\"schema\":" + JSON.writeValueAsString(schema) + ",\"maxId\":99}");
                }
            } else if (parts.length == 5 && parts[1].equals("subjects") && parts[3].equals("versions")
                    && parts[4].equals("latest")) {
                String subject = decode(parts[2]);
                List<Integer> versions = subjects.get(subject);
                if (versions == null) {
                    reply(ex, 404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");
                } else {
                    int id = versions.get(versions.size() - 1);
                    reply(ex, 200, "{\"subject\":" + JSON.writeValueAsString(subject) + ",\"version\":" + versions.size()
                            + ",\"id\":" + id + ",\"schema\":" + JSON.writeValueAsString(schemasById.get(id)) + "}");
                }
            } else if (parts.length >= 2 && parts[1].equals("config")) {
                if (method.equals("PUT")) {
                    compatibility = JSON.readTree(body).get("compatibility").asText();
                    reply(ex, 200, "{\"compatibility\":\"" + compatibility + "\"}");
                } else {
                    reply(ex, 200, "{\"compatibilityLevel\":\"" + compatibility + "\"}");
                }
            } else if (parts.length == 6 && parts[1].equals("compatibility")) {
                String subject = decode(parts[3]);
                List<Integer> versions = subjects.get(subject);
                if (versions == null) {
                    reply(ex, 404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");
                    return;
                }
                Schema writer = new Schema.Parser().parse(schemasById.get(versions.get(versions.size() - 1)));
                Schema reader = new Schema.Parser().parse(JSON.readTree(body).get("schema").asText());
                boolean ok = org.apache.avro.SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                        == org.apache.avro.SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
                reply(ex, 200, "{\"is_compatible\":" + ok + "}");
            } else {
                reply(ex, 404, "{\"error_code\":404,\"message\":\"no route " + rawPath + "\"}");
            }
        } catch (RuntimeException e) {
            reply(ex, 500, "{\"error_code\":50001,\"message\":\"" + e + "\"}");
        }
    }

    private static String normalized(String body) throws IOException {
        JsonNode node = JSON.readTree(body);
        return new Schema.Parser().parse(node.get("schema").asText()).toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
