package io.riposte.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A {@link SchemaRegistryClient} over {@link HttpClient}, speaking the Confluent REST API (so also
 * Apicurio's {@code /apis/ccompat/v7}, Karapace, Redpanda and Riposte's local registry).
 *
 * <p>Immutable answers are cached in concurrent maps: id -> schema (bounded) and (subject, schema) -> id,
 * so once warm a serde makes no HTTP call per record. Every request has a timeout; I/O errors, 408, 429
 * and 5xx are retried a bounded number of times with exponential back-off, other statuses fail at once
 * with a {@link SchemaRegistryException} chosen by HTTP status (409 is "incompatible" whatever the error
 * code). Each outcome is reported to {@link RegistryHealth#global()}: an infrastructure failure that
 * outlived the retries opens an outage, any answer closes it.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {
    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final List<String> baseUrls;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxRetries;
    private final long backoffMs;
    private final int cacheCapacity;
    private final String authorization;
    private final AtomicInteger preferredUrl = new AtomicInteger();

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<Integer, Missing> missingIds = new ConcurrentHashMap<>();
    private final long missingIdCacheNanos;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    /** A client for one base URL with default settings. */
    public HttpSchemaRegistryClient(String baseUrl) {
        this(Map.of(RegistryConfig.URL, baseUrl));
    }

    /** A client configured with the keys of {@link RegistryConfig}; {@code schema.registry.url} is required. */
    public HttpSchemaRegistryClient(Map<String, ?> configs) {
        String urls = RegistryConfig.string(configs, RegistryConfig.URL, null);
        if (urls == null) {
            throw new IllegalArgumentException("Missing " + RegistryConfig.URL);
        }
        List<String> parsed = new ArrayList<>();
        String urlUserInfo = null;
        for (String u : urls.split(",")) {
            u = u.trim();
            if (u.isEmpty()) {
                continue;
            }
            URI uri = URI.create(u);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("Invalid " + RegistryConfig.URL + " '" + u + "': need http(s)://host[:port][/path]");
            }
            if (uri.getRawUserInfo() != null) {
                urlUserInfo = URLDecoderUtil.decode(uri.getRawUserInfo());
                u = u.replace(uri.getRawUserInfo() + "@", "");
            }
            while (u.endsWith("/")) {
                u = u.substring(0, u.length() - 1);
            }
            parsed.add(u);
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("Empty " + RegistryConfig.URL);
        }
        this.baseUrls = List.copyOf(parsed);
        this.timeout = RegistryConfig.millis(configs, RegistryConfig.REQUEST_TIMEOUT_MS, 10_000);
        this.maxRetries = (int) RegistryConfig.number(configs, RegistryConfig.MAX_RETRIES, 3);
        this.backoffMs = RegistryConfig.number(configs, RegistryConfig.RETRY_BACKOFF_MS, 200);
        this.cacheCapacity = (int) RegistryConfig.number(configs, RegistryConfig.CACHE_CAPACITY, 1000);
        this.missingIdCacheNanos = Duration.ofMillis(RegistryConfig.number(configs, RegistryConfig.MISSING_ID_CACHE_MS, 30_000)).toNanos();
        this.authorization = authorization(configs, urlUserInfo);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1);
        SSLContext ssl = sslContext(configs);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
    }

    /** A closed client no longer speaks for the process: an outage only it saw is over for {@code /health}. */
    @Override
    public void close() {
        RegistryHealth.global().forget(this);
    }

    /** The base URLs in use (without user info or trailing slash). */
    public List<String> baseUrls() {
        return baseUrls;
    }

    @Override
    public int register(String subject, Schema schema) {
        Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = requiredInt(answer, "id");
        remember(subject, schema, id);
        return id;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        int id = requiredInt(answer, "id");
        remember(subject, schema, id);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        // Hostile or corrupt input can carry the same unknown id on every record: answer it from memory.
        Missing missing = missingIds.get(id);
        if (missing != null && System.nanoTime() - missing.atNanos() < missingIdCacheNanos) {
            throw missing.error();
        }
        JsonNode answer;
        try {
            answer = send("GET", "/schemas/ids/" + id, null);
        } catch (SchemaRegistryException.NotFound e) {
            if (missingIds.size() >= cacheCapacity) {
                missingIds.clear();
            }
            missingIds.put(id, new Missing(e, System.nanoTime()));
            throw e;
        }
        missingIds.remove(id);
        Schema schema = parse(answer, "schema id " + id);
        if (schemasById.size() >= cacheCapacity) {
            schemasById.clear(); // crude bound: ids are few in practice, and entries are cheap to refetch
        }
        schemasById.put(id, schema);
        return schema;
    }

    @Override
    public SchemaMetadata latest(String subject) {
        JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        Schema schema = parse(answer, "subject " + subject);
        int id = requiredInt(answer, "id");
        int version = answer.path("version").asInt(0);
        remember(subject, schema, id);
        return new SchemaMetadata(answer.path("subject").asText(subject), version, id, schema);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode answer = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest",
                    schemaBody(schema));
            JsonNode flag = answer.get("is_compatible");
            if (flag == null || !flag.isBoolean()) {
                throw new SchemaRegistryException(200, 0, "Registry answer lacks is_compatible: " + answer);
            }
            return flag.booleanValue();
        } catch (SchemaRegistryException.NotFound e) {
            if (e.subjectNotFound() || e.errorCode() == 40402) {
                return true; // nothing registered yet: anything is compatible, as Confluent's serializers assume
            }
            throw e;
        }
    }

    @Override
    public String compatibility(String subject) {
        JsonNode answer = send("GET", subject == null ? "/config" : "/config/" + encode(subject), null);
        JsonNode level = answer.has("compatibilityLevel") ? answer.get("compatibilityLevel") : answer.get("compatibility");
        if (level == null) {
            throw new SchemaRegistryException(200, 0, "Registry config answer lacks compatibilityLevel: " + answer);
        }
        return level.asText();
    }

    @Override
    public void setCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", Objects.requireNonNull(level, "level"));
        send("PUT", subject == null ? "/config" : "/config/" + encode(subject), body.toString());
    }

    private Integer cachedId(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.get(subject);
        return ids == null ? null : ids.get(schema);
    }

    private void remember(String subject, Schema schema, int id) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        if (ids.size() >= cacheCapacity) {
            ids.clear();
        }
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
    }

    private static String schemaBody(Schema schema) {
        // schema.toString(), not the parsing canonical form: that drops defaults and docs.
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static Schema parse(JsonNode answer, String what) {
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException(200, 0, "Registry answer for " + what + " lacks a schema: " + answer);
        }
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw new SchemaRegistryException(200, 0, what + " is a " + type + " schema, not Avro");
        }
        try {
            return new Schema.Parser().parse(text.asText()); // a new parser each time: a shared one refuses redefinitions
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(200, 0, "Registry returned an unparsable schema for " + what + ": " + e.getMessage());
        }
    }

    private static int requiredInt(JsonNode answer, String field) {
        JsonNode v = answer.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new SchemaRegistryException(200, 0, "Registry answer lacks '" + field + "': " + answer);
        }
        return v.intValue();
    }

    static String encode(String subject) {
        Objects.requireNonNull(subject, "subject");
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, String body) {
        SchemaRegistryException last = null;
        int start = preferredUrl.get();
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            if (attempt > 0) {
                sleep(Math.min(backoffMs << (attempt - 1), 5_000));
            }
            int index = (start + attempt) % baseUrls.size();
            String url = baseUrls.get(index) + path;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Accept", ACCEPT);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (body != null) {
                request.header("Content-Type", MEDIA_TYPE);
                request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = new SchemaRegistryException(0, 0, method + " " + url + " failed: " + e, e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(0, 0, method + " " + url + " interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                preferredUrl.set(index);
                RegistryHealth.global().answered(this);
                return readJson(response.body(), method, url, status);
            }
            SchemaRegistryException error = error(status, response.body(), method, url);
            if (status >= 500 || status == 408 || status == 429) {
                last = error;
                continue;
            }
            if (error.infrastructure()) {
                RegistryHealth.global().unavailable(this, error.getMessage()); // refused credentials: not retried, still an outage
            } else {
                RegistryHealth.global().answered(this); // a 404 or 409 is an answer: the registry is there
            }
            throw error;
        }
        RegistryHealth.global().unavailable(this, last.getMessage());
        throw last;
    }

    private static JsonNode readJson(String body, String method, String url, int status) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new SchemaRegistryException(status, 0, method + " " + url + " returned non-JSON: " + abbreviate(body));
        }
    }

    private static SchemaRegistryException error(int status, String body, String method, String url) {
        int code = 0;
        String message = abbreviate(body);
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            if (node != null && node.isObject()) {
                code = node.path("error_code").asInt(0);
                if (node.hasNonNull("message")) {
                    message = node.get("message").asText();
                }
            }
        } catch (IOException ignored) {
            // not JSON (a proxy's HTML page, say): keep the raw text as the message
        }
        String text = method + " " + url + ": " + message;
        return switch (status) {
            case 409 -> new SchemaRegistryException.Incompatible(code, text);
            case 404 -> new SchemaRegistryException.NotFound(code, text);
            case 422 -> new SchemaRegistryException.Invalid(code, text);
            default -> new SchemaRegistryException(status, code, text);
        };
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(0, 0, "Interrupted while retrying a registry call", e);
        }
    }

    private static String authorization(Map<String, ?> configs, String urlUserInfo) {
        String token = RegistryConfig.string(configs, RegistryConfig.BEARER_AUTH_TOKEN, null);
        if (token != null) {
            return "Bearer " + token;
        }
        String source = RegistryConfig.string(configs, RegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE, null);
        String userInfo = RegistryConfig.string(configs, RegistryConfig.BASIC_AUTH_USER_INFO, null);
        if (source == null) {
            source = userInfo != null ? "USER_INFO" : urlUserInfo != null ? "URL" : null;
        }
        if (source == null) {
            return null;
        }
        String credentials = switch (source.toUpperCase(java.util.Locale.ROOT)) {
            case "USER_INFO" -> {
                if (userInfo == null || !userInfo.contains(":")) {
                    throw new IllegalArgumentException(RegistryConfig.BASIC_AUTH_USER_INFO + " must be user:password");
                }
                yield userInfo;
            }
            case "URL" -> {
                if (urlUserInfo == null) {
                    throw new IllegalArgumentException(RegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE
                            + "=URL but " + RegistryConfig.URL + " has no user:password@");
                }
                yield urlUserInfo;
            }
            default -> throw new IllegalArgumentException("Unsupported " + RegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE
                    + " '" + source + "': use USER_INFO or URL");
        };
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static SSLContext sslContext(Map<String, ?> configs) {
        String trustLocation = RegistryConfig.string(configs, RegistryConfig.SSL_TRUSTSTORE_LOCATION, null);
        String keyLocation = RegistryConfig.string(configs, RegistryConfig.SSL_KEYSTORE_LOCATION, null);
        if (trustLocation == null && keyLocation == null) {
            return null;
        }
        try {
            TrustManagerFactory tmf = null;
            if (trustLocation != null) {
                KeyStore trust = load(trustLocation,
                        RegistryConfig.string(configs, RegistryConfig.SSL_TRUSTSTORE_TYPE, KeyStore.getDefaultType()),
                        RegistryConfig.string(configs, RegistryConfig.SSL_TRUSTSTORE_PASSWORD, null));
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
            }
            KeyManagerFactory kmf = null;
            if (keyLocation != null) {
                String storePassword = RegistryConfig.string(configs, RegistryConfig.SSL_KEYSTORE_PASSWORD, null);
                KeyStore keys = load(keyLocation,
                        RegistryConfig.string(configs, RegistryConfig.SSL_KEYSTORE_TYPE, KeyStore.getDefaultType()),
                        storePassword);
                String keyPassword = RegistryConfig.string(configs, RegistryConfig.SSL_KEY_PASSWORD, storePassword);
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, keyPassword == null ? null : keyPassword.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot set up TLS for the schema registry: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String location, String type, String password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        return store;
    }

    private static final class URLDecoderUtil {
        static String decode(String s) {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        }
    }

    private record Missing(SchemaRegistryException.NotFound error, long atNanos) {}
}
